package com.buildtrace.share;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The download package of a comparison: a ZIP of {@code result.json}, {@code summary.json} (when there is
 * one), the report as {@code report.html} with the images it shows (overlays, aligned sheets, previews and
 * thumbnails, at the paths the report links to), {@code annotated.pdf}, {@code changes.csv} and
 * {@code sheets.csv}. Streamed: every entry is copied from its file through one fixed buffer, and the list of
 * images is read from result.json without building it in memory, so a 300-sheet set needs no more heap than a
 * one-sheet set.
 */
public final class ComparisonPackage {

    /** Copy buffer. */
    static final int BUFFER = 64 * 1024;

    /** Image fields of a sheet in result.json. */
    private static final List<String> IMAGE_FIELDS = List.of("overlay", "old", "new", "preview", "thumbnail");

    private ComparisonPackage() {
    }

    /**
     * Writes the package of the comparison whose files are in {@code folder} to {@code out} (finished, not
     * closed).
     *
     * @throws NoSuchFileException when the folder has no result.json (the comparison has not finished)
     */
    public static void write(Path folder, OutputStream out) throws IOException {
        Map<String, Path> entries = entries(folder);
        ZipOutputStream zip = new ZipOutputStream(out);
        byte[] buffer = new byte[BUFFER];
        for (Map.Entry<String, Path> e : entries.entrySet()) {
            String name = e.getKey();
            // PNG and PDF are compressed already: stored in deflate's plain blocks, not compressed again
            zip.setLevel(name.endsWith(".png") || name.endsWith(".pdf") ? Deflater.NO_COMPRESSION
                    : Deflater.DEFAULT_COMPRESSION);
            ZipEntry entry = new ZipEntry(name);
            entry.setLastModifiedTime(Files.getLastModifiedTime(e.getValue()));
            zip.putNextEntry(entry);
            try (InputStream in = Files.newInputStream(e.getValue())) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    zip.write(buffer, 0, n);
                }
            }
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    /** Writes the package to a file (replaced). */
    public static void write(Path folder, Path zipFile) throws IOException {
        Path tmp = zipFile.resolveSibling(zipFile.getFileName() + ".part");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), BUFFER)) {
            write(folder, out);
        }
        Files.move(tmp, zipFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * What the package holds: entry names and the files they come from, in package order. Files that are not
     * there (no summary, images not written) are left out.
     */
    public static Map<String, Path> entries(Path folder) throws IOException {
        Path result = folder.resolve("result.json");
        if (!Files.isRegularFile(result)) {
            throw new NoSuchFileException(result.toString(), null, "the comparison has no result yet");
        }
        Map<String, Path> entries = new LinkedHashMap<>();
        entries.put("result.json", result);
        putIfFile(entries, "summary.json", folder.resolve("summary.json"));
        putIfFile(entries, "report.html", folder.resolve("index.html"));
        putIfFile(entries, AnnotatedPdfWriter.FILE, folder.resolve(AnnotatedPdfWriter.FILE));
        putIfFile(entries, Triage.CHANGES_CSV, folder.resolve(Triage.CHANGES_CSV));
        putIfFile(entries, Triage.SHEETS_CSV, folder.resolve(Triage.SHEETS_CSV));
        Path root = folder.toAbsolutePath().normalize();
        for (String image : images(result)) {
            Path file = root.resolve(image).normalize();
            // only files inside the comparison's folder, whatever result.json says
            if (file.startsWith(root) && !entries.containsKey(image)) {
                putIfFile(entries, root.relativize(file).toString().replace('\\', '/'), file);
            }
        }
        return entries;
    }

    private static void putIfFile(Map<String, Path> entries, String name, Path file) {
        if (Files.isRegularFile(file)) {
            entries.put(name, file);
        }
    }

    /** The image paths of result.json's sheets, read token by token. */
    static List<String> images(Path resultJson) throws IOException {
        List<String> out = new ArrayList<>();
        try (JsonParser p = JsonMapper.builder().build().createParser(resultJson.toFile())) {
            int imagesDepth = -1;
            int depth = 0;
            String field = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        if ("images".equals(field) && t == JsonToken.START_OBJECT) {
                            imagesDepth = depth + 1;
                        }
                        depth++;
                        field = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        if (depth == imagesDepth) {
                            imagesDepth = -1;
                        }
                        depth--;
                    }
                    case PROPERTY_NAME -> field = p.currentName();
                    case VALUE_STRING -> {
                        if (depth == imagesDepth && IMAGE_FIELDS.contains(field)) {
                            out.add(p.getString());
                        }
                        field = null;
                    }
                    default -> field = null;
                }
            }
        }
        return out;
    }
}
