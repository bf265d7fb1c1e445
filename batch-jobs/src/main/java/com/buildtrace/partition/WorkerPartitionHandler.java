package com.buildtrace.partition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The manager side of a partitioned step: splits it (on a restart only the partitions that did not
 * complete come back), launches workers for them and polls the job repository until every one has ended.
 * Partitions left running by workers that died are marked failed, so that the job fails and a restart runs
 * them again.
 */
public final class WorkerPartitionHandler implements PartitionHandler {

    private final JobRepository repository;

    private final WorkerLauncher launcher;

    private final Duration pollInterval;

    private final Duration timeout;

    public WorkerPartitionHandler(JobRepository repository, WorkerLauncher launcher, Duration pollInterval,
                                  Duration timeout) {
        this.repository = repository;
        this.launcher = launcher;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution manager) throws Exception {
        Set<StepExecution> partitions = splitter.split(manager, 1);
        if (partitions.isEmpty()) {
            return partitions;
        }
        List<StepExecution> ordered = new ArrayList<>(partitions);
        ordered.sort(Comparator.comparingInt(WorkerPartitionHandler::partitionNumber));
        List<Long> ids = ordered.stream().map(StepExecution::getId).toList();
        java.nio.file.Path logs = logDir(manager);
        WorkerLauncher.Launch launch = launcher.launch(new WorkerRequest(manager.getJobExecutionId(), ids, logs),
                ordered);
        Instant deadline = Instant.now().plus(timeout);
        long jobExecutionId = manager.getJobExecutionId();
        while (true) {
            List<StepExecution> current = new ArrayList<>();
            boolean running = false;
            for (long id : ids) {
                StepExecution se = repository.getStepExecution(jobExecutionId, id);
                current.add(se);
                running |= se.getStatus().isRunning();
            }
            if (!running) {
                return current;
            }
            if (!launch.alive() || Instant.now().isAfter(deadline)) {
                // re-read after the workers ended: a partition may have finished just before
                boolean timedOut = launch.alive();
                launch.cancel();
                return failUnfinished(jobExecutionId, ids, timedOut ? "timed out after " + timeout
                        : "its worker ended before finishing it");
            }
            launch.await(pollInterval);
        }
    }

    private List<StepExecution> failUnfinished(long jobExecutionId, List<Long> ids, String why) {
        List<StepExecution> out = new ArrayList<>();
        for (long id : ids) {
            StepExecution se = repository.getStepExecution(jobExecutionId, id);
            if (se.getStatus().isRunning()) {
                se.setStatus(BatchStatus.FAILED);
                se.setExitStatus(ExitStatus.FAILED.addExitDescription("partition " + se.getStepName() + " " + why));
                se.setEndTime(java.time.LocalDateTime.now());
                repository.update(se);
            }
            out.add(se);
        }
        return out;
    }

    /** The number at the end of the partition name (sheetPair12 gives 12). */
    static int partitionNumber(StepExecution se) {
        String name = se.getStepName();
        int i = name.length();
        while (i > 0 && Character.isDigit(name.charAt(i - 1))) {
            i--;
        }
        return i == name.length() ? Integer.MAX_VALUE : Integer.parseInt(name.substring(i));
    }

    /** The output folder's logs, or the temporary folder's when the output goes to a store. */
    private static java.nio.file.Path logDir(StepExecution manager) {
        String out = manager.getJobParameters().getString(com.buildtrace.job.JobKeys.OUT_URI);
        java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        return out == null ? tmp : com.buildtrace.storage.SetFiles.localPath(out).map(p -> p.resolve("logs"))
                .orElse(tmp.resolve("buildtrace-logs"));
    }
}
