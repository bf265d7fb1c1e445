package com.buildtrace.partition.cloudrun;

import com.buildtrace.partition.WorkerLauncher;
import com.buildtrace.partition.WorkerProperties;
import com.buildtrace.partition.WorkerRequest;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.run.v2.CancelExecutionRequest;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.Execution;
import com.google.cloud.run.v2.ExecutionsClient;
import com.google.cloud.run.v2.ExecutionsSettings;
import com.google.cloud.run.v2.JobName;
import com.google.cloud.run.v2.JobsClient;
import com.google.cloud.run.v2.JobsSettings;
import com.google.cloud.run.v2.RunJobRequest;
import com.google.longrunning.Operation;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs partitions in the tasks of an execution of a deployed Cloud Run Job (infra/cloudrun). Each launch
 * runs the job once with overrides: as many tasks as workers, the {@code worker} command, the job execution
 * and the whole list of step execution ids (tasks claim partitions in the database; the task index only
 * names the worker). The image, the database settings and the task timeout belong to the deployed job.
 *
 * <p>Talks to the Cloud Run Admin API v2 over HTTP/JSON with the application default credentials; the
 * manager needs {@code run.jobs.runWithOverrides}, {@code run.executions.get} and
 * {@code run.executions.cancel} (roles/run.developer has them).
 */
public final class CloudRunWorkerLauncher implements WorkerLauncher, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CloudRunWorkerLauncher.class);

    private final JobName job;

    private final int count;

    private final JobsClient jobs;

    private final ExecutionsClient executions;

    /**
     * @param settings the deployed job: {@code project}, {@code region} and {@code job} are required
     * @param count tasks per comparison (fewer when there are fewer partitions)
     */
    public CloudRunWorkerLauncher(WorkerProperties.CloudRun settings, int count) throws IOException {
        this.job = JobName.of(settings.project(), settings.region(), settings.job());
        this.count = Math.max(1, count);
        JobsSettings.Builder jobsSettings = JobsSettings.newHttpJsonBuilder();
        ExecutionsSettings.Builder executionsSettings = ExecutionsSettings.newHttpJsonBuilder();
        String endpoint = settings.endpoint();
        if (endpoint != null) {
            jobsSettings.setEndpoint(endpoint);
            executionsSettings.setEndpoint(endpoint);
            // a plain-HTTP endpoint is a local stand-in for the API: no credentials go there
            if (endpoint.startsWith("http://")) {
                jobsSettings.setCredentialsProvider(NoCredentialsProvider.create());
                executionsSettings.setCredentialsProvider(NoCredentialsProvider.create());
            }
        }
        this.jobs = JobsClient.create(jobsSettings.build());
        try {
            this.executions = ExecutionsClient.create(executionsSettings.build());
        } catch (IOException | RuntimeException e) {
            jobs.close();
            throw e;
        }
    }

    @Override
    public Launch launch(WorkerRequest request, Collection<StepExecution> partitions)
            throws InvalidProtocolBufferException {
        int tasks = Math.min(count, partitions.size());
        String ids = request.commaSeparatedIds();
        RunJobRequest run = RunJobRequest.newBuilder()
                .setName(job.toString())
                .setOverrides(RunJobRequest.Overrides.newBuilder()
                        .setTaskCount(tasks)
                        .addContainerOverrides(RunJobRequest.Overrides.ContainerOverride.newBuilder()
                                .addArgs("worker")
                                .addEnv(env("BUILDTRACE_JOB_EXECUTION_ID", Long.toString(request.jobExecutionId())))
                                .addEnv(env("BUILDTRACE_STEP_EXECUTION_IDS", ids))))
                .build();
        // the operation ends when the execution does; its metadata names the execution right away
        Operation operation;
        try {
            operation = jobs.runJobCallable().call(run);
        } catch (ApiException e) {
            // the HTTP failure underneath carries the API's own explanation (no such job, permission denied)
            String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getMessage();
            throw new IllegalStateException("cannot run Cloud Run job " + job + ": " + why, e);
        }
        if (operation.hasError()) {
            throw new IllegalStateException("Cloud Run job " + job + " did not start: "
                    + operation.getError().getMessage());
        }
        String execution = operation.getMetadata().unpack(Execution.class).getName();
        LOG.info("started Cloud Run execution {} with {} tasks for {} partitions", execution, tasks,
                partitions.size());
        return new ExecutionLaunch(execution);
    }

    private static EnvVar env(String name, String value) {
        return EnvVar.newBuilder().setName(name).setValue(value).build();
    }

    @Override
    public void close() {
        jobs.close();
        executions.close();
    }

    /** One execution of the job, watched until it has a completion time. */
    private final class ExecutionLaunch implements Launch {

        private final String name;

        ExecutionLaunch(String name) {
            this.name = name;
        }

        @Override
        public boolean alive() {
            try {
                return !executions.getExecution(name).hasCompletionTime();
            } catch (NotFoundException e) {
                return false;
            } catch (ApiException e) {
                // the API may be briefly away; the partition handler's timeout still bounds the wait
                LOG.warn("cannot read Cloud Run execution {}: {}", name, e.getMessage());
                return true;
            }
        }

        @Override
        public void cancel() {
            try {
                executions.cancelExecutionCallable().call(CancelExecutionRequest.newBuilder().setName(name).build());
                LOG.info("cancelled Cloud Run execution {}", name);
            } catch (ApiException e) {
                LOG.warn("cannot cancel Cloud Run execution {}: {}", name, e.getMessage());
            }
        }
    }
}
