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
}
