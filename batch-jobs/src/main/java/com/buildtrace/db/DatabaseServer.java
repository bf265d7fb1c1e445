package com.buildtrace.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL the pipeline talks to: an external server, or an embedded one started (and stopped) with
 * the process. Workers of the same comparison are given {@link #jdbcUrl()} to reach it.
 *
 * <p>The embedded server keeps its data in one folder per user, so history survives between runs. A server
 * left running by a process that was killed is shut down before the folder is used again. When another
 * live process is using the folder, this one runs on a temporary database instead and says so.
 */
public final class DatabaseServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseServer.class);

    private final String jdbcUrl;

    private final String user;

    private final String password;

    private final EmbeddedPostgres embedded;

    private final Path temporaryDir;

    /** Held while this process owns the data folder (released by the OS if the process dies). */
    private final FileChannel ownership;

    private DatabaseServer(String jdbcUrl, String user, String password, EmbeddedPostgres embedded,
                           Path temporaryDir, FileChannel ownership) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.temporaryDir = temporaryDir;
        this.ownership = ownership;
    }

    /** An embedded server being started ahead of the application context, with the settings it was started for. */
    private static final java.util.concurrent.atomic.AtomicReference<Early> EARLY =
            new java.util.concurrent.atomic.AtomicReference<>();

    private record Early(DatabaseProperties properties, java.util.concurrent.CompletableFuture<DatabaseServer> server) {
    }

    /**
     * Starts the embedded server on another thread while the caller goes on (a command line starting its
     * application context); {@link #obtain} then takes it. Does nothing for an external server. The server
     * stops when the JVM exits, whether or not it was ever taken.
     */
    public static void startEarly(DatabaseProperties p) {
        if (!p.embedded()) {
            return;
        }
        java.util.concurrent.CompletableFuture<DatabaseServer> f = new java.util.concurrent.CompletableFuture<>();
        if (!EARLY.compareAndSet(null, new Early(p, f))) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                f.complete(start(p));
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        }, "buildtrace-db-start");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Waits for a server being started early to be up (or to have failed; {@link #obtain} reports that). Called
     * before the application configures logging, so that the start's own log lines do not fall into the moment
     * when logging has no destination.
     */
    public static void awaitEarlyStart() {
        Early early = EARLY.get();
        if (early != null) {
            try {
                early.server().join();
            } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
                // obtain() rethrows it
            }
        }
    }

    /** The server started early for these settings, else one started now. */
    public static DatabaseServer obtain(DatabaseProperties p) {
        Early early = EARLY.getAndSet(null);
        if (early != null && early.properties().equals(p)) {
            try {
                return early.server().join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        if (early != null) {
            early.server().thenAccept(DatabaseServer::closeQuietly);
        }
        return start(p);
    }

    private static void closeQuietly(DatabaseServer server) {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("could not stop the embedded database: {}", e.getMessage());
        }
    }

    /** The configured external server, or an embedded one started now. */
    public static DatabaseServer start(DatabaseProperties p) {
        if (!p.embedded()) {
            return new DatabaseServer(p.jdbcUrl(), p.user(), p.jdbcPassword(), null, null, null);
        }
        Path dir = p.embeddedDir().toAbsolutePath();
        FileChannel ownership = null;
        try {
            Files.createDirectories(dir);
            ownership = own(dir);
            Path temporary = null;
            if (ownership == null) {
                temporary = Files.createTempDirectory("buildtrace-db-");
                LOG.warn("the database in {} is in use by another buildtrace process; this run uses a temporary one"
                        + " (its history is not kept)", dir);
                dir = temporary;
            } else {
                stopOrphan(dir);
            }
            // the server's own log beside its data (postgres.log), kept out of the terminal
            ProcessBuilder.Redirect serverLog = temporary != null ? ProcessBuilder.Redirect.DISCARD
                    : ProcessBuilder.Redirect.appendTo(dir.resolveSibling(dir.getFileName() + ".log").toFile());
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.toFile())
                    .setOutputRedirector(serverLog)
                    .setErrorRedirector(serverLog)
                    .setCleanDataDirectory(temporary != null).setPGStartupWait(Duration.ofSeconds(60)).start();
            return new DatabaseServer(pg.getJdbcUrl("postgres", "postgres"), "postgres", "", pg, temporary,
                    ownership);
        } catch (IOException | RuntimeException e) {
            closeQuietly(ownership);
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dir + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /**
     * Takes ownership of a data folder: a lock on the file beside it ({@code NAME.lock}), held for the life of
     * the process. Null when another live process owns the folder.
     */
    static FileChannel own(Path dir) throws IOException {
        Path lockFile = dir.resolveSibling(dir.getFileName() + ".lock");
        synchronized (OWNED) {
            // a second server of this JVM: not ours to take (and opening the lock file again, then closing
            // it, would release the lock this JVM holds)
            if (OWNED.containsKey(lockFile)) {
                return null;
            }
            FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                if (ch.tryLock() != null) {
                    OWNED.put(lockFile, ch);
                    return ch;
                }
            } catch (OverlappingFileLockException e) {
                // held by this JVM through another channel
            }
            ch.close();
            return null;
        }
    }

    /** Lock files this JVM holds. */
    private static final java.util.Map<Path, FileChannel> OWNED = new java.util.HashMap<>();

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            synchronized (OWNED) {
                OWNED.values().remove(ch);
                try {
                    ch.close();
                } catch (IOException e) {
                    // the lock goes with the process anyway
                }
            }
        }
    }

    /**
     * Shuts down a server left running in the folder by a process that died without stopping it: called by
     * the folder's owner, so a postmaster.pid naming a live process is an orphan.
     */
    static void stopOrphan(Path dir) throws IOException {
        Optional<ProcessHandle> postmaster = postmaster(dir);
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle ph = postmaster.get();
        LOG.warn("stopping the database server left running in {} (pid {}) by a process that was killed", dir, ph.pid());
        ph.destroy();
        Instant deadline = Instant.now().plusSeconds(30);
        while (ph.isAlive() && Instant.now().isBefore(deadline)) {
            sleep(100);
        }
        if (ph.isAlive()) {
            ph.destroyForcibly();
            deadline = Instant.now().plusSeconds(10);
            while (ph.isAlive() && Instant.now().isBefore(deadline)) {
                sleep(100);
            }
        }
        if (ph.isAlive()) {
            throw new IOException("the database server left running in " + dir + " (pid " + ph.pid()
                    + ") does not stop");
        }
        Files.deleteIfExists(dir.resolve("postmaster.pid"));
    }

    /** The postmaster named by the folder's postmaster.pid, if it is a live postgres process. */
    static Optional<ProcessHandle> postmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
        if (!first.matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive)
                .filter(ph -> ph.info().command().map(c -> c.endsWith("postgres")).orElse(true));
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the database server", e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** True for the embedded server. */
    public boolean embedded() {
        return embedded != null;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
        closeQuietly(ownership);
        if (temporaryDir != null && Files.exists(temporaryDir)) {
            try (var files = Files.walk(temporaryDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
