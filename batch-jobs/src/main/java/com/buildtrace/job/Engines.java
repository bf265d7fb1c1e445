package com.buildtrace.job;

import com.buildtrace.compare.CompareOptions;
import com.buildtrace.compare.ComparisonEngine;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The comparison engines of this process, one per set of options (usually one), kept for the life of the
 * process so that a worker reuses open documents, threads and pixel buffers across partitions.
 */
@Component
public class Engines implements DisposableBean {

    private final Map<CompareOptions, ComparisonEngine> engines = new ConcurrentHashMap<>();

    public ComparisonEngine get(CompareOptions options) {
        return engines.computeIfAbsent(options, ComparisonEngine::new);
    }

    /** Closes the files of a comparison that ended, in every engine (the next comparison of them reads them again). */
    public void release(java.nio.file.Path... files) {
        for (ComparisonEngine engine : engines.values()) {
            for (java.nio.file.Path f : files) {
                engine.release(f);
            }
        }
    }

    @Override
    public void destroy() {
        engines.values().forEach(ComparisonEngine::close);
        engines.clear();
    }
}
