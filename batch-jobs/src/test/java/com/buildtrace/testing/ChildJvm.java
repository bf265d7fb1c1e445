package com.buildtrace.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Code of the test class path started in a JVM of its own (as a user or a container would). */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** Starts {@code main} of the class with the test JVM's class path; output goes to {@code log}. */
    public static Process start(Path log, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Starts {@code buildtrace ARGS} on the test database; output goes to {@code log}. */
    public static Process cli(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx2g", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "com.buildtrace.cli.BuildTraceCli"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("BUILDTRACE_DB_URL", TestDatabase.use());
        pb.environment().put("BUILDTRACE_DB_USER", TestDatabase.user());
        pb.environment().put("BUILDTRACE_DB_PASSWORD", TestDatabase.password());
        return pb.start();
    }
}
