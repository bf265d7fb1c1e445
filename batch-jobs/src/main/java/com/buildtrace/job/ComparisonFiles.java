package com.buildtrace.job;

import com.buildtrace.comparison.ComparisonJson;
import com.buildtrace.storage.LocalSet;
import com.buildtrace.storage.OutputStaging;
import com.buildtrace.storage.SetFiles;
import com.buildtrace.storage.StagedOutput;
import com.buildtrace.storage.StoredObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/**
 * The files of a comparison at the edge of the job: both sets as local files (stored sets copied into the
 * cache) and the output folder (staged when the output goes to a store). The ingest step records which stored
 * objects the sets were made of in the job context; every later step, worker process and restart copies the
 * same objects or fails, so all partitions of a comparison see the same pages in the same order.
 */
@Component
public class ComparisonFiles {

    private final SetFiles sets;

    private final OutputStaging outputs;

    public ComparisonFiles(SetFiles sets, OutputStaging outputs) {
        this.sets = sets;
        this.outputs = outputs;
    }

    /**
     * Both sets as local files, taken as they are now, and recorded as the comparison's sets (ingest).
     */
    Inputs fetchAndRecord(JobRequest r, ExecutionContext job) throws IOException {
        LocalSet oldSet = sets.fetch(r.oldUri(), List.of());
        LocalSet newSet = sets.fetch(r.newUri(), List.of());
        record(job, JobKeys.OLD_SET_OBJECTS, oldSet);
        record(job, JobKeys.NEW_SET_OBJECTS, newSet);
        return new Inputs(oldSet.path(), newSet.path());
    }

    /**
     * Both sets as local files, the same objects as at ingest. A job without that record (a retry of some
     * sheets) takes the sets as they are now: retrying is how a fixed file is compared again.
     *
     * @throws com.buildtrace.storage.SetChangedException when a stored set changed since ingest
     */
    Inputs fetch(JobRequest r, ExecutionContext job) throws IOException {
        return new Inputs(sets.fetch(r.oldUri(), recorded(job, JobKeys.OLD_SET_OBJECTS)).path(),
                sets.fetch(r.newUri(), recorded(job, JobKeys.NEW_SET_OBJECTS)).path());
    }

    /**
     * Where the sets are (or would be) on this machine, without copying: to close their files. A URI that
     * names no set of this machine or store was never read, and has nothing to close.
     */
    Path[] where(String oldUri, String newUri) {
        List<Path> paths = new ArrayList<>(2);
        for (String uri : new String[] {oldUri, newUri}) {
            try {
                paths.add(sets.where(uri));
            } catch (IllegalArgumentException e) {
                // not a set of this store: ingest failed on it, naming it
            }
        }
        return paths.toArray(Path[]::new);
    }

    /** The comparison's output. */
    StagedOutput output(JobRequest r) {
        return outputs.open(r.outUri());
    }

    private static void record(ExecutionContext job, String key, LocalSet set) {
        if (set.objects().isEmpty()) {
            job.remove(key);
        } else {
            job.putString(key, ComparisonJson.write(set.objects().toArray(StoredObject[]::new)));
        }
    }

    private static List<StoredObject> recorded(ExecutionContext job, String key) {
        String json = job.getString(key, null);
        return json == null ? List.of() : List.of(ComparisonJson.read(json, StoredObject[].class));
    }

    /**
     * The sets of a comparison as local files.
     *
     * @param oldSet the old set's file or folder
     * @param newSet the new set's
     */
    record Inputs(Path oldSet, Path newSet) {
    }
}
