package com.buildtrace.partition;

import java.util.List;

/**
 * The partitions to run: worker step executions of one job execution.
 *
 * @param jobExecutionId the job execution they belong to
 * @param stepExecutionIds their ids, in partition order
 * @param logDir where workers running elsewhere than this process write their logs
 */
public record WorkerRequest(long jobExecutionId, List<Long> stepExecutionIds, java.nio.file.Path logDir) {

    public WorkerRequest {
        stepExecutionIds = List.copyOf(stepExecutionIds);
    }

    /** The step execution ids as workers are given them: comma-separated, in partition order. */
    public String commaSeparatedIds() {
        return stepExecutionIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    /**
     * The step executions worker {@code index} of {@code count} runs: every count-th, starting at index (as
     * a Kubernetes completion index or a Cloud Run task index picks its share).
     */
    public static List<Long> share(List<Long> ids, int index, int count) {
        if (count <= 0 || index < 0 || index >= count) {
            throw new IllegalArgumentException("worker " + index + " of " + count);
        }
        java.util.ArrayList<Long> mine = new java.util.ArrayList<>();
        for (int i = index; i < ids.size(); i += count) {
            mine.add(ids.get(i));
        }
        return mine;
    }
}
