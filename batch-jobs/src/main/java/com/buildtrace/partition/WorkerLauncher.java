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
    }
}
