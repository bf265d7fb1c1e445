package com.buildtrace.remote;

import com.buildtrace.remote.Resources.Comparison;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code buildtrace remote download ID --out DIR}: the package of a completed comparison. It is written to a
 * {@code .part} file, checked to be a whole ZIP, then renamed: an interrupted download never leaves a package
 * that looks complete, and running the command again starts afresh.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = {"Downloads the package of a completed comparison: result.json, summary.json, report.html with "
                + "its images, annotated.pdf, changes.csv, sheets.csv.",
            "Writes DIR/buildtrace-ID.zip, or with --unzip its files into DIR. The ZIP is checked whole before it is "
                + "put in place; an interrupted download leaves nothing behind."})
final class DownloadCommand implements Callable<Integer> {

    @ParentCommand
    RemoteCommand remote;

    @Parameters(index = "0", paramLabel = "ID", description = "The comparison id.")
    UUID id;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder to write into (created).")
    Path out;

    @Option(names = "--unzip", description = "Unpack the package into DIR (files of the same name are replaced).")
    boolean unzip;

    @Option(names = "--keep-zip", description = "With --unzip: keep the ZIP too.")
    boolean keepZip;

    @Override
    public Integer call() throws IOException {
        RemoteEnvironment env = remote.env();
        RemoteApi api = remote.api();
        Comparison c = Comparison.of(api.get("/comparisons/" + id));
        if (!Comparison.COMPLETED.equals(c.status())) {
            throw new RemoteException(RemoteExitCodes.FAILED, "comparison " + id + " is " + c.status()
                    + (c.ended() ? "" : " (" + c.progress().sheetsDone() + " of " + c.progress().sheetsTotal()
                    + " sheets done); follow it with 'buildtrace remote watch " + id + "'") + ": it has no package");
        }
        Files.createDirectories(out);
        Path zip = out.resolve("buildtrace-" + id + ".zip");
        Path part = out.resolve(".buildtrace-" + id + ".zip.part");
        StatusLine line = new StatusLine(env);
        long start = System.nanoTime();
        try {
            long bytes = api.download("/comparisons/" + id + "/package", part,
                    n -> line.show("downloading the package: " + ComparisonReport.size(n), false));
            line.clear();
            List<ZipEntry> entries = entries(part);
            String summary = String.format(Locale.ROOT, "%s, %s in %.1f s", ComparisonReport.plural(entries.size(),
                    "file"), ComparisonReport.size(bytes), (System.nanoTime() - start) / 1e9);
            if (unzip) {
                unzip(part, entries, out);
                env.out().println("Package of " + id + " unpacked into " + out.toAbsolutePath() + " (" + summary + ")");
            }
            if (!unzip || keepZip) {
                Files.move(part, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                env.out().println("Package: " + zip.toAbsolutePath() + (unzip ? "" : " (" + summary + ")"));
            }
            return RemoteExitCodes.OK;
        } finally {
            line.clear();
            Files.deleteIfExists(part);
        }
    }

    /** The entries of a whole ZIP (its central directory read to the end), or a failure saying it is not whole. */
    private List<ZipEntry> entries(Path zip) {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.stream().map(e -> (ZipEntry) e).toList();
        } catch (ZipException e) {
            throw new RemoteException(RemoteExitCodes.UNREACHABLE, "the package of " + id + " arrived incomplete or "
                    + "damaged (" + e.getMessage() + "); download it again");
        } catch (IOException e) {
            throw new RemoteException(RemoteExitCodes.FAILED, "cannot read the downloaded package: " + e.getMessage());
        }
    }

    /**
     * Unpacks into a hidden folder of {@code dir} first, then moves each top-level file or folder into place, so a
     * failure half-way leaves the earlier files as they were. Entries that would land outside are refused.
     */
    private void unzip(Path zip, List<ZipEntry> entries, Path dir) throws IOException {
        Path staging = Files.createTempDirectory(dir, ".buildtrace-" + id + "-");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : entries) {
                Path target = staging.resolve(e.getName()).normalize();
                if (!target.startsWith(staging) || target.equals(staging)) {
                    throw new RemoteException(RemoteExitCodes.FAILED, "the package holds an entry outside its "
                            + "folder (" + e.getName() + "): not unpacked");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, target);
                }
            }
            try (Stream<Path> top = Files.list(staging)) {
                for (Path p : top.toList()) {
                    Path target = dir.resolve(p.getFileName().toString());
                    delete(target);
                    Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } finally {
            delete(staging);
        }
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
