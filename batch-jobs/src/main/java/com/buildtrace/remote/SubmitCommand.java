package com.buildtrace.remote;

import com.buildtrace.remote.Resources.Comparison;
import com.buildtrace.remote.Resources.DrawingSet;
import com.buildtrace.remote.Resources.Project;
import com.buildtrace.remote.Resources.Revision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code buildtrace remote submit OLD NEW --project P}: uploads two revisions and launches their comparison. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Uploads two revisions of a drawing set to a project and launches their comparison; prints its "
                + "id and its page in the web UI.",
            "Files already uploaded as a revision of the set are not uploaded again: that revision is used. The same "
                + "pair compared before gives the earlier comparison."})
final class SubmitCommand implements Callable<Integer> {

    @ParentCommand
    RemoteCommand remote;

    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier revision: a PDF (or PNG, JPEG, TIFF), or a "
            + "folder whose files, in name order, are the set.")
    Path oldSet;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later revision, the same way.")
    Path newSet;

    @Option(names = "--project", paramLabel = "P", required = true, description = "The project: its id or its name.")
    String project;

    @Option(names = "--set", paramLabel = "NAME", description = "The drawing set (created when the project has none of "
            + "that name). Default: the project's only set; a new one named after NEW when it has none.")
    String set;

    @Option(names = "--label-old", paramLabel = "LABEL", description = "What the team calls OLD, e.g. 'Rev A'. "
            + "Default: its file or folder name.")
    String labelOld;

    @Option(names = "--label-new", paramLabel = "LABEL", description = "What the team calls NEW. Default: its file or "
            + "folder name.")
    String labelNew;

    @Option(names = "--dpi", paramLabel = "N", description = "Resolution of the comparison (36-600). Default: the "
            + "server's.")
    Integer dpi;

    @Option(names = "--wait", description = "Then follow the comparison to its end, as 'watch' does (and exit as it "
            + "does).")
    boolean waitForEnd;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2", description = "With --wait: seconds "
            + "between two polls. Default: ${DEFAULT-VALUE}.")
    int interval;

    @Override
    public Integer call() {
        List<Path> older = files(oldSet);
        List<Path> newer = files(newSet);
        RemoteEnvironment env = remote.env();
        RemoteApi api = remote.api();
        StatusLine line = new StatusLine(env);
        Project p = Projects.find(api, project);
        DrawingSet drawingSet = Projects.set(api, p, set, baseName(newSet), line);
        Revision a = upload(api, p, drawingSet, "old", label(labelOld, oldSet), older, line);
        Revision b = upload(api, p, drawingSet, "new", label(labelNew, newSet), newer, line);
        if (a.id().equals(b.id())) {
            throw new RemoteException(RemoteExitCodes.FAILED, "OLD and NEW hold the same files (revision '"
                    + a.label() + "'): nothing to compare");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("oldRevisionId", a.id());
        body.put("newRevisionId", b.id());
        if (dpi != null) {
            body.put("dpi", dpi);
        }
        RemoteApi.Answer launched = api.post("/comparisons", body);
        Comparison c = Comparison.of(launched.body());
        env.out().println("Comparison " + c.id() + ": " + c.status()
                + (launched.status() == 200 ? " (these two revisions were compared before)" : ""));
        env.out().println("Web UI: " + api.webLink(c.id()));
        env.out().flush();
        return waitForEnd ? WatchCommand.watch(remote, c.id(), interval) : RemoteExitCodes.OK;
    }

    /**
     * Uploads one revision; when the set already holds these very files (409), that revision is used instead.
     */
    private static Revision upload(RemoteApi api, Project p, DrawingSet s, String which, String label, List<Path> files,
                                   StatusLine line) {
        long bytes = files.stream().mapToLong(SubmitCommand::size).sum();
        String what = which + " revision '" + label + "'";
        String size = ComparisonReport.plural(files.size(), "file") + ", " + ComparisonReport.size(bytes);
        long start = System.nanoTime();
        try {
            Revision r = Revision.of(api.upload("/projects/" + p.id() + "/sets/" + s.id() + "/revisions",
                    new Multipart(Map.of("label", label), "files", files),
                    sent -> line.show(String.format(Locale.ROOT, "uploading %s: %s of %s (%d%%)", what,
                            ComparisonReport.size(sent), ComparisonReport.size(bytes),
                            bytes == 0 ? 100 : sent * 100 / bytes), false)).body());
            line.say(String.format(Locale.ROOT, "uploaded %s (%s) in %.1f s: revision %d of '%s' (%s)", what, size,
                    (System.nanoTime() - start) / 1e9, r.seq(), r.setName(), r.id()));
            return r;
        } catch (RemoteException e) {
            String existing = e.status() == 409 ? e.problemMember("revisionId") : null;
            if (existing == null) {
                line.clear();
                throw e;
            }
            Revision r = Revision.of(api.get("/revisions/" + UUID.fromString(existing)));
            line.say("the files of the " + what + " are already revision " + r.seq() + " '" + r.label() + "' of '"
                    + r.setName() + "' (" + r.id() + "): using it");
            return r;
        }
    }

    /** A file, or the files directly in a folder (not hidden ones), in name order. */
    private static List<Path> files(Path set) {
        if (Files.isRegularFile(set)) {
            return List.of(set);
        }
        if (!Files.isDirectory(set)) {
            throw RemoteException.usage("no such file or folder: " + set);
        }
        try (Stream<Path> list = Files.list(set)) {
            List<Path> files = list.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted((x, y) -> x.getFileName().toString().compareTo(y.getFileName().toString())).toList();
            if (files.isEmpty()) {
                throw RemoteException.usage("folder " + set + " has no files");
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + set + ": " + e.getMessage(), e);
        }
    }

    private static String label(String given, Path set) {
        return given != null && !given.isBlank() ? given.strip() : baseName(set);
    }

    /** A file's name without its extension, or a folder's name. */
    private static String baseName(Path set) {
        Path name = set.toAbsolutePath().normalize().getFileName();
        String s = name == null ? set.toString() : name.toString();
        int dot = s.lastIndexOf('.');
        return Files.isRegularFile(set) && dot > 0 ? s.substring(0, dot) : s;
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
