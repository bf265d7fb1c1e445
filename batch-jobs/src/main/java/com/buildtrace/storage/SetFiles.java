package com.buildtrace.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Drawing sets named by URI, as local files for the comparison engine. A local path or {@code file:} URI is
 * read where it is. A URI of the configured {@link DrawingStore} ({@code gs://bucket/...}) names an object or
 * a key prefix (every object directly under it, in name order, is one set, as a local folder is); it is copied
 * into the cache, {@code {cache}/inputs/{scheme}/{bucket}/{key}}, where a copy whose object has the same size,
 * time and generation is used again instead of being downloaded.
 * <p>
 * Worker processes on one machine share the cache: each copy is written to a hidden temporary file beside its
 * place and moved there atomically, so no process ever reads a half-written copy, whoever wrote it.
 */
public final class SetFiles {

    /** Beside each copy, what it was copied from: {@code .{name}.stored}. */
    private static final String STAMP_SUFFIX = ".stored";

    private final DrawingStore store;

    private final Path inputs;

    /** One copier per local copy in this process, so that partitions run at once download a set once. */
    private final Map<Path, Object> locks = new ConcurrentHashMap<>();

    /**
     * @param store where stored sets are
     * @param cache the local cache folder (its {@code inputs} sub-folder holds the copies)
     */
    public SetFiles(DrawingStore store, Path cache) {
        this.store = store;
        this.inputs = cache.toAbsolutePath().normalize().resolve("inputs");
    }

    /**
     * A local path or {@code file:} URI as a path; empty for a URI of another scheme ({@code gs://...}).
     */
    public static Optional<Path> localPath(String uri) {
        if (uri.startsWith("file:")) {
            return Optional.of(Path.of(URI.create(uri)));
        }
        if (uri.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(uri));
    }

    /**
     * Where {@link #fetch} puts a set (a local set: where it is), without looking at the store.
     *
     * @throws IllegalArgumentException for a URI that is neither local nor of the configured store
     */
    public Path where(String uri) {
        return localPath(uri).orElseGet(() -> inputs.resolve(cachePath(uri, storeKey(uri))));
    }

    /**
     * The set as local files. A stored set is copied (the copies that are current are kept).
     *
     * @param pinned the objects the set had when its comparison started, to be found again unchanged; empty
     *     to take the set as it is now
     * @throws NoSuchFileException when the store has no object and no objects under the URI's key
     * @throws SetChangedException when the set is not the one pinned
     * @throws IllegalArgumentException for a URI that is neither local nor of the configured store
     */
    public LocalSet fetch(String uri, List<StoredObject> pinned) throws IOException {
        Optional<Path> local = localPath(uri);
        if (local.isPresent()) {
            return new LocalSet(uri, local.get(), List.of());
        }
        StorageKey key = storeKey(uri);
        Path target = inputs.resolve(cachePath(uri, key));
        synchronized (locks.computeIfAbsent(target, t -> new Object())) {
            Optional<StoredObject> single = store.stat(key);
            if (single.isPresent()) {
                List<StoredObject> objects = List.of(single.get());
                requireSame(uri, pinned, objects);
                copy(single.get(), target);
                return new LocalSet(uri, target, objects);
            }
            List<StoredObject> objects = store.list(key).stream()
                    .filter(o -> !o.key().relativeTo(key).contains("/")).toList();
            if (objects.isEmpty()) {
                throw new NoSuchFileException(uri, null, "no object, and no objects under it, in the store");
            }
            requireSame(uri, pinned, objects);
            Files.createDirectories(target);
            for (StoredObject o : objects) {
                copy(o, target.resolve(o.key().name()));
            }
            removeOthers(target, objects.stream().map(o -> o.key().name()).collect(Collectors.toSet()));
            return new LocalSet(uri, target, objects);
        }
    }

    private StorageKey storeKey(String uri) {
        return store.key(uri).orElseThrow(() -> new IllegalArgumentException(
                uri + " is neither a local file nor in the configured store ("
                        + store.uri(new StorageKey("x")).replaceFirst("x$", "") + "...)"));
    }

    /** {scheme}/{authority}/{key}: copies of different buckets never meet. */
    private static Path cachePath(String uri, StorageKey key) {
        URI u = URI.create(uri);
        String authority = u.getRawAuthority() == null ? "_" : u.getRawAuthority().replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(u.getScheme().toLowerCase(java.util.Locale.ROOT), authority).resolve(key.path());
    }

    private static void requireSame(String uri, List<StoredObject> pinned, List<StoredObject> now)
            throws SetChangedException {
        if (pinned.isEmpty()) {
            return;
        }
        Map<String, StoredObject> before = pinned.stream().collect(Collectors.toMap(o -> o.key().name(), o -> o));
        Map<String, StoredObject> after = now.stream().collect(Collectors.toMap(o -> o.key().name(), o -> o));
        for (StoredObject o : pinned) {
            StoredObject current = after.get(o.key().name());
            if (current == null) {
                throw new SetChangedException(uri, o.key().name() + " was removed");
            }
            if (!current.sameWriteAs(o)) {
                throw new SetChangedException(uri, o.key().name() + " was replaced");
            }
        }
        for (StoredObject o : now) {
            if (!before.containsKey(o.key().name())) {
                throw new SetChangedException(uri, o.key().name() + " was added");
            }
        }
    }

    /** Copies an object unless the copy in place is of the same write. */
    private void copy(StoredObject object, Path file) throws IOException {
        Path stamp = file.resolveSibling("." + file.getFileName() + STAMP_SUFFIX);
        if (Files.isRegularFile(file) && Files.size(file) == object.bytes() && object.equals(readStamp(stamp))) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".part");
        try {
            store.copyTo(object.key(), tmp);
            if (Files.size(tmp) != object.bytes()) {
                throw new SetChangedException(store.uri(object.key()), "its size changed while it was copied");
            }
            move(tmp, file);
            Files.writeString(tmp, stampOf(object), StandardCharsets.UTF_8);
            move(tmp, stamp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Files of a folder copy whose objects are gone (hidden stamps and copies in progress stay). */
    private static void removeOthers(Path folder, Set<String> names) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".") && !names.contains(name) && Files.isRegularFile(f)) {
                    Files.deleteIfExists(f);
                    Files.deleteIfExists(f.resolveSibling("." + name + STAMP_SUFFIX));
                }
            }
        }
    }

    private static String stampOf(StoredObject o) {
        return o.key().path() + "\n" + o.bytes() + "\n" + (o.updated() == null ? "" : o.updated().toString()) + "\n"
                + o.generation() + "\n";
    }

    private static StoredObject readStamp(Path stamp) {
        try {
            List<String> lines = Files.readAllLines(stamp, StandardCharsets.UTF_8);
            if (lines.size() != 4) {
                return null;
            }
            return new StoredObject(new StorageKey(lines.get(0)), Long.parseLong(lines.get(1)),
                    lines.get(2).isEmpty() ? null : Instant.parse(lines.get(2)), Long.parseLong(lines.get(3)));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return null; // a damaged stamp: copy again
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
