package com.buildtrace.partition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Claims on partitions in the shared database: workers of one comparison are all given the whole list of
 * partitions and each runs the ones it claims first, so a worker that gets easy sheets takes more of them and
 * no partition runs twice.
 */
@Repository
public class PartitionClaims {

    private final JdbcClient jdbc;

    public PartitionClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when this worker got the partition (no other worker claimed it before). */
    public boolean claim(long jobExecutionId, long stepExecutionId, String worker) {
        return jdbc.sql("""
                INSERT INTO partition_claim (step_execution_id, job_execution_id, worker) VALUES (?, ?, ?)
                ON CONFLICT (step_execution_id) DO NOTHING""")
                .params(stepExecutionId, jobExecutionId, worker).update() == 1;
    }

    /** The worker that claimed a partition, if any. */
    public java.util.Optional<String> claimedBy(long stepExecutionId) {
        return jdbc.sql("SELECT worker FROM partition_claim WHERE step_execution_id = ?").param(stepExecutionId)
                .query(String.class).optional();
    }
}
