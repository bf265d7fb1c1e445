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
     * Where a comparison's files are read from: its output folder, or a store. Names are slash-separated paths
     * relative to the comparison's output (result.json, sheets/sheet-001-A-101/overlay.png).
     */
    public interface Source {

        /** When the file was last written, or empty when the comparison has no such file. */
        java.util.Optional<java.nio.file.attribute.FileTime> modified(String name) throws IOException;

        /** Opens the file. */
        InputStream open(String name) throws IOException;
    }

    /** The files of a comparison's output folder (nothing outside it). */
    public static Source folder(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        return new Source() {
            @Override
            public java.util.Optional<java.nio.file.attribute.FileTime> modified(String name) throws IOException {
                Path file = root.resolve(name).normalize();
                return file.startsWith(root) && Files.isRegularFile(file)
                        ? java.util.Optional.of(Files.getLastModifiedTime(file)) : java.util.Optional.empty();
            }

            @Override
            public InputStream open(String name) throws IOException {
                return Files.newInputStream(root.resolve(name).normalize());
            }
        };
    }

    /**
     * Writes the package of the comparison whose files are in {@code folder} to {@code out} (finished, not
     * closed).
     *
     * @throws NoSuchFileException when the folder has no result.json (the comparison has not finished)
     */
    public static void write(Path folder, OutputStream out) throws IOException {
        write(folder(folder), out);
    }

    /**
     * Writes the package of a comparison's files to {@code out}, entry by entry through one buffer (finished,
     * not closed).
     *
     * @throws NoSuchFileException when there is no result.json (the comparison has not finished)
     */
    public static void write(Source source, OutputStream out) throws IOException {
        Map<String, String> entries = entries(source);
        ZipOutputStream zip = new ZipOutputStream(out);
        byte[] buffer = new byte[BUFFER];
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String name = e.getKey();
            // PNG and PDF are compressed already: stored in deflate's plain blocks, not compressed again
            zip.setLevel(name.endsWith(".png") || name.endsWith(".pdf") ? Deflater.NO_COMPRESSION
                    : Deflater.DEFAULT_COMPRESSION);
            ZipEntry entry = new ZipEntry(name);
            source.modified(e.getValue()).ifPresent(entry::setLastModifiedTime);
            zip.putNextEntry(entry);
            try (InputStream in = source.open(e.getValue())) {
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
     * What the package of a folder holds: entry names and the files they come from, in package order. Files
     * that are not there (no summary, images not written) are left out.
     */
    public static Map<String, Path> entries(Path folder) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        Map<String, Path> out = new LinkedHashMap<>();
        entries(folder(folder)).forEach((entry, name) -> out.put(entry, root.resolve(name).normalize()));
        return out;
    }

    /** What the package holds: entry names and the source files they come from, in package order. */
    public static Map<String, String> entries(Source source) throws IOException {
        if (source.modified("result.json").isEmpty()) {
            throw new NoSuchFileException("result.json", null, "the comparison has no result yet");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("result.json", "result.json");
        putIfThere(source, entries, "summary.json", "summary.json");
        putIfThere(source, entries, "report.html", "index.html");
        putIfThere(source, entries, AnnotatedPdfWriter.FILE, AnnotatedPdfWriter.FILE);
        putIfThere(source, entries, Triage.CHANGES_CSV, Triage.CHANGES_CSV);
        putIfThere(source, entries, Triage.SHEETS_CSV, Triage.SHEETS_CSV);
        List<String> images;
        try (InputStream in = source.open("result.json")) {
            images = images(in);
        }
        for (String image : images) {
            String name = java.nio.file.Path.of(image).normalize().toString().replace('\\', '/');
            // only files inside the comparison's output, whatever result.json says
            if (!name.startsWith("../") && !name.startsWith("/") && !name.equals("..") && !entries.containsKey(name)) {
                putIfThere(source, entries, name, name);
            }
        }
        return entries;
    }

    private static void putIfThere(Source source, Map<String, String> entries, String entry, String name)
            throws IOException {
        if (source.modified(name).isPresent()) {
            entries.put(entry, name);
        }
    }

    /** The image paths of result.json's sheets, read token by token. */
    static List<String> images(InputStream resultJson) throws IOException {
        List<String> out = new ArrayList<>();
        try (JsonParser p = JsonMapper.builder().build().createParser(resultJson)) {
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
