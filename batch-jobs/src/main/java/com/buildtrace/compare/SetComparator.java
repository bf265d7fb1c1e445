package com.buildtrace.compare;

import com.buildtrace.compare.source.DrawingInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compares two revisions of a drawing set in one go, in this process: plans the comparison (read, identify,
 * pair) and compares every sheet task in parallel. One bad sheet fails its own entry only; a file that
 * cannot be read at all fails the comparison. The batch job runs the same engine one task per partition.
 */
public final class SetComparator {

    /**
     * @param outDir where images go (created if needed); result files are written by the caller
     * @throws DrawingInputException when either file cannot be used at all
     */
    public SetComparison compare(Path oldFile, Path newFile, Path outDir, CompareOptions options,
                                 CompareListener listener) throws IOException {
        long t0 = System.nanoTime();
        try (ComparisonEngine engine = new ComparisonEngine(options)) {
            SetPlan plan = engine.plan(oldFile, newFile);
            long t = System.nanoTime();
            int total = plan.tasks().size();
            listener.paired(total);
            AtomicInteger done = new AtomicInteger();
            List<Callable<PageComparison>> tasks = new ArrayList<>();
            for (SheetTask task : plan.tasks()) {
                tasks.add(() -> {
                    PageComparison p = engine.compare(plan, task, outDir);
                    listener.sheetDone(p, done.incrementAndGet(), total);
                    return p;
                });
            }
            List<PageComparison> pages = new ArrayList<>();
            for (Future<PageComparison> f : engine.workers().invokeAll(tasks)) {
                pages.add(get(f));
            }
            Map<String, Long> stages = new LinkedHashMap<>(plan.stageMillis());
            stages.put("compare", (System.nanoTime() - t) / 1_000_000);
            return new SetComparison(oldFile, newFile, null, null, inSheetOrder(pages), options,
                    SheetPairComparator.millisSince(t0), stages);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("comparison interrupted", e);
        }
    }

    /** Sheets in the new set's order, removed sheets last in the old set's order. */
    public static List<PageComparison> inSheetOrder(List<PageComparison> pages) {
        List<PageComparison> sorted = new ArrayList<>(pages);
        sorted.sort(Comparator.comparingInt((PageComparison p) -> p.newPage() == null ? Integer.MAX_VALUE : p.newPage())
                .thenComparingInt(p -> p.oldPage() == null ? -1 : p.oldPage()));
        return sorted;
    }

    private static <T> T get(Future<T> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new UncheckedIOException(new IOException(c));
        }
    }
}
