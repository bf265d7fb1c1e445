package com.buildtrace.partition;

import com.buildtrace.logging.JobLogContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/**
 * The worker side: runs partitions (step executions created by the manager) in this process, one after the
 * other, claiming each in the shared database first and reading and updating it in the shared job
 * repository. Used by local worker processes, Kubernetes pods and Cloud Run tasks alike.
 */
public final class WorkerRunner {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerRunner.class);

    private final JobRepository repository;

    private final Step workerStep;

    private final PartitionClaims claims;

    public WorkerRunner(JobRepository repository, Step workerStep, PartitionClaims claims) {
        this.repository = repository;
        this.workerStep = workerStep;
        this.claims = claims;
    }

    /**
     * Runs every partition of the list that no other worker claimed before this one.
     *
     * @param worker this worker's name, recorded with its claims
     * @return what this worker did
     */
    public Outcome run(long jobExecutionId, List<Long> stepExecutionIds, String worker) throws Exception {
        int ran = 0;
        int failed = 0;
        for (long id : stepExecutionIds) {
            StepExecution se = repository.getStepExecution(jobExecutionId, id);
            if (se == null) {
                throw new IllegalArgumentException("no step execution " + id + " in job execution " + jobExecutionId);
            }
            if (se.getStatus() != BatchStatus.STARTING || !claims.claim(jobExecutionId, id, worker)) {
                continue;
            }
            // re-read after claiming: the manager may have given up on the partition meanwhile
            se = repository.getStepExecution(jobExecutionId, id);
            if (se.getStatus() != BatchStatus.STARTING) {
                continue;
            }
            try (AutoCloseable logContext = JobLogContext.partition(se)) {
                LOG.info("worker {} runs {} (step execution {})", worker, se.getStepName(), id);
                workerStep.execute(se);
            }
            ran++;
            if (se.getStatus() != BatchStatus.COMPLETED) {
                failed++;
            }
        }
        return new Outcome(ran, failed);
    }

    /**
     * What a worker did.
     *
     * @param ran partitions it ran
     * @param failed of those, the ones that did not complete
     */
    public record Outcome(int ran, int failed) {
    }
}
