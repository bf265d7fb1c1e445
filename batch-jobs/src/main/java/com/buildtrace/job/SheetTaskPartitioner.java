package com.buildtrace.job;

import com.buildtrace.comparison.ComparisonStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per sheet task of the plan (sheetPair0..N-1), each carrying only the task's index; or, for a
 * retry, one per chosen task.
 */
class SheetTaskPartitioner implements Partitioner {

    private final ComparisonStore store;

    private final UUID comparisonId;

    private final List<Integer> only;

    /**
     * @param only the task indexes to run, or null for all
     */
    SheetTaskPartitioner(ComparisonStore store, UUID comparisonId, List<Integer> only) {
        this.store = store;
        this.comparisonId = comparisonId;
        this.only = only;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        int tasks = store.plan(comparisonId).tasks().size();
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i < tasks; i++) {
            if (only != null && !only.contains(i)) {
                continue;
            }
            ExecutionContext context = new ExecutionContext();
            context.putInt(JobKeys.TASK_INDEX, i);
            partitions.put(JobKeys.PARTITION_PREFIX + i, context);
        }
        if (only != null && partitions.size() != only.size()) {
            throw new IllegalArgumentException("comparison " + comparisonId + " has " + tasks
                    + " sheet tasks; cannot retry " + only);
        }
        return partitions;
    }

    /** Task indexes from "3,7"; null for none given. */
    static List<Integer> parseTasks(String tasks) {
        if (tasks == null || tasks.isBlank()) {
            return null;
        }
        return java.util.Arrays.stream(tasks.split(",")).map(String::trim).map(Integer::valueOf).distinct().toList();
    }
}
