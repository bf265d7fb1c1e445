package com.buildtrace.partition;

import java.util.Collection;
import org.springframework.batch.core.step.StepExecution;

/** Starts workers for partitions; the partition handler then watches the job repository. */
public interface WorkerLauncher {

    /**
     * Starts workers for the partitions and returns without waiting for them.
     *
     * @param partitions the step executions, already saved in the job repository
     */
    Launch launch(WorkerRequest request, Collection<StepExecution> partitions) throws Exception;

    /** A started set of workers. */
    interface Launch {

        /**
         * False once no worker can make progress any more (all processes exited, the cloud job ended): the
         * partitions still running then will not finish.
         */
        boolean alive();

        /** Stops the workers (the comparison was stopped or timed out). */
        void cancel();

        /**
         * Waits up to {@code max} for the workers to end, or less: the partition handler looks at the job
         * repository after each wait. Workers in this process end the wait as soon as they are all done.
         */
        default void await(java.time.Duration max) throws InterruptedException {
            Thread.sleep(max.toMillis());
        }
    }
}
