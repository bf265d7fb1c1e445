package com.buildtrace.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One comparison's output: the local folder the engine and the report writers write into, and how what they
 * wrote is published. A local output is its own folder and needs no publishing; a stored output is staged
 * locally and published file by file to the store, after which the staged copy is removed (a worker's disk
 * does not fill up with the comparisons it ran).
 */
public final class StagedOutput {

    private final Path dir;

    private final DrawingStore store;

    private final StorageKey key;

    private StagedOutput(Path dir, DrawingStore store, StorageKey key) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.store = store;
        this.key = key;
    }

    /** An output folder on this machine. */
    static StagedOutput local(Path dir) {
        return new StagedOutput(dir, null, null);
    }

    /** An output in a store under {@code key}, staged in {@code dir}. */
    static StagedOutput stored(Path dir, DrawingStore store, StorageKey key) {
        return new StagedOutput(dir, Objects.requireNonNull(store, "store"), Objects.requireNonNull(key, "key"));
    }

    /** Where to write. */
    public Path dir() {
        return dir;
    }

    /** True when the files go to a store and are only staged here. */
    public boolean stored() {
        return store != null;
    }

    /**
     * Publishes written files (missing ones are skipped).
     *
     * @param files paths relative to {@link #dir()}, slash-separated
     * @return per published file, its URI (file: or the store's) and size, in the given order
     */
    public Map<String, Published> publish(List<String> files) throws IOException {
        Map<String, Published> published = new LinkedHashMap<>();
        for (String relative : files) {
            Path file = dir.resolve(relative);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            if (store == null) {
                published.put(relative, new Published(file.toUri().toString(), Files.size(file)));
                continue;
            }
            StorageKey target = new StorageKey(key.path() + "/" + relative);
            StoredObject object = store.write(target, file);
            published.put(relative, new Published(store.uri(target), object.bytes()));
            Files.delete(file);
        }
        return published;
    }

    /**
     * Makes a file the comparison published available in {@link #dir()} again (a stored output's staged copy
     * is removed once published): copied back from the store when missing here.
     *
     * @param relative path relative to {@link #dir()}, slash-separated
     * @return the local file, or empty when it is neither here nor in the store
     */
    public java.util.Optional<Path> fetch(String relative) throws IOException {
        Path file = dir.resolve(relative);
        if (Files.isRegularFile(file) || store == null) {
            return Files.isRegularFile(file) ? java.util.Optional.of(file) : java.util.Optional.empty();
        }
        StorageKey source = new StorageKey(key.path() + "/" + relative);
        if (store.stat(source).isEmpty()) {
            return java.util.Optional.empty();
        }
        store.copyTo(source, file);
        return java.util.Optional.of(file);
    }

    /**
     * Publishes every file under some sub-folders: what one partition wrote (its sheet's folder).
     *
     * @param folders paths relative to {@link #dir()}, slash-separated
     */
    public Map<String, Published> publishFolders(Collection<String> folders) throws IOException {
        List<String> files = new ArrayList<>();
        for (String folder : new TreeSet<>(folders)) {
            files.addAll(filesUnder(dir.resolve(folder)));
        }
        return publish(files);
    }

    /**
     * Publishes every file under the output folder except those under the given sub-folders, then (for a
     * stored output) removes the staging folder: the last publishing of a comparison.
     *
     * @param except sub-folders whose files were published already (their staged leftovers, from an attempt
     *     that died, are not published over what a later attempt published)
     */
    public Map<String, Published> publishRest(List<String> except) throws IOException {
        List<String> files = filesUnder(dir).stream()
                .filter(f -> except.stream().noneMatch(e -> f.startsWith(e + "/"))).toList();
        Map<String, Published> published = publish(files);
        if (store != null) {
            removeStaging();
        }
        return published;
    }

    /** The files under a folder, relative to the output folder, in name order. */
    private List<String> filesUnder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    private void removeStaging() throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * A published file.
     *
     * @param uri where it is now
     * @param bytes its size
     */
    public record Published(String uri, long bytes) {

        public Published {
            Objects.requireNonNull(uri, "uri");
        }
    }
}
