package com.buildtrace.partition;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs partitions in worker processes on this machine: the same application started with the {@code worker}
 * command, the job execution and the partitions' step execution ids. Workers reach the job repository with
 * the database settings given here; each writes its log to {@code worker-N.log} in the request's log folder.
 */
public final class LocalProcessWorkerLauncher implements WorkerLauncher {

    /** Main class of the application's command line. */
    static final String MAIN = "com.buildtrace.cli.BuildTraceCli";

    private final int count;

    private final Map<String, String> environment;

    /**
     * @param count worker processes per comparison (fewer when there are fewer partitions)
     * @param environment variables for the workers: the database settings (BUILDTRACE_DB_*) and any other
     *     settings they should share with this process
     */
    public LocalProcessWorkerLauncher(int count, Map<String, String> environment) {
        this.count = Math.max(1, count);
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Launch launch(WorkerRequest request, Collection<StepExecution> partitions) throws IOException {
        int n = Math.min(count, partitions.size());
        Files.createDirectories(request.logDir());
        String ids = request.commaSeparatedIds();
        List<Process> processes = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                List<String> command = new ArrayList<>(javaCommand());
                command.addAll(List.of("worker", "--job-execution-id", Long.toString(request.jobExecutionId()),
                        "--step-execution-ids", ids, "--name", "local-" + i));
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(request.logDir().resolve("worker-" + i + ".log").toFile());
                pb.environment().putAll(environment);
                processes.add(pb.start());
            }
        } catch (IOException e) {
            processes.forEach(Process::destroyForcibly);
            throw new IOException("cannot start worker processes: " + e.getMessage(), e);
        }
        return new Launch() {
            @Override
            public boolean alive() {
                return processes.stream().anyMatch(Process::isAlive);
            }

            @Override
            public void cancel() {
                processes.forEach(Process::destroy);
                for (Process p : processes) {
                    try {
                        if (!p.waitFor(10, TimeUnit.SECONDS)) {
                            p.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        p.destroyForcibly();
                    }
                }
            }
        };
    }

    /**
     * The command that started this JVM, minus its arguments: the same java, JVM options (memory, class
     * data archive to use; not one to write, not debug agents) and class path.
     */
    static List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-XX:ArchiveClassesAtExit") || arg.startsWith("-agentlib")
                    || arg.startsWith("-javaagent") || arg.startsWith("-Xrunjdwp")) {
                continue;
            }
            command.add(arg);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN);
        return command;
    }
}
