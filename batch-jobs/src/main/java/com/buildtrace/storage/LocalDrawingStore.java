package com.buildtrace.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A store in a local folder: a key is a relative path under the root. Writes go to a temporary file that is
 * moved into place, so a reader never sees half an object.
 */
public final class LocalDrawingStore implements DrawingStore {

    private final Path root;

    public LocalDrawingStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The folder that holds the objects. */
    public Path root() {
        return root;
    }

    /** The file of a key (it may not exist). */
    public Path path(StorageKey key) {
        Path p = root.resolve(key.path()).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException(key + " is outside the store");
        }
        return p;
    }

    @Override
    public StoredObject write(StorageKey key, InputStream content) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".upload-", ".part");
        try {
            Files.copy(content, tmp, StandardCopyOption.REPLACE_EXISTING);
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return stat(key).orElseThrow();
    }

    @Override
    public StoredObject write(StorageKey key, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return write(key, in);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public InputStream read(StorageKey key) throws IOException {
        Path p = path(key);
        if (!Files.isRegularFile(p)) {
            throw new NoSuchFileException(key.path());
        }
        return Files.newInputStream(p);
    }

    @Override
    public InputStream read(StoredObject object, long offset, long length) throws IOException {
        checkRange(object, offset, length);
        Path p = path(object.key());
        FileChannel channel = FileChannel.open(p, StandardOpenOption.READ);
        try {
            // objects are replaced by moving a new file into place: the open file is one write, and the
            // same write as the one described when it still has its size and time
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (a.size() != object.bytes() || channel.size() != object.bytes()
                    || !a.lastModifiedTime().toInstant().equals(object.updated())) {
                throw new NoSuchFileException(object.key().path(), null, "written again since it was looked up");
            }
            channel.position(offset);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }

    static void checkRange(StoredObject object, long offset, long length) {
        if (offset < 0 || length < 0 || offset + length > object.bytes()) {
            throw new IllegalArgumentException("bytes " + offset + " to " + (offset + length) + " are not inside "
                    + object.key() + " (" + object.bytes() + " bytes)");
        }
    }

    @Override
    public void copyTo(StorageKey key, Path file) throws IOException {
        try (InputStream in = read(key)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public Optional<StoredObject> stat(StorageKey key) throws IOException {
        Path p = path(key);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        return Optional.of(new StoredObject(key, a.size(), a.lastModifiedTime().toInstant()));
    }

    @Override
    public List<StoredObject> list(StorageKey prefix) throws IOException {
        Path dir = path(prefix);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<StoredObject> objects = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String relative = root.relativize(p).toString().replace('\\', '/');
                if (p.getFileName().toString().startsWith(".upload-")) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                objects.add(new StoredObject(new StorageKey(relative), a.size(), a.lastModifiedTime().toInstant()));
            }
        }
        objects.sort(Comparator.comparing(o -> o.key().path()));
        return objects;
    }

    @Override
    public void delete(StorageKey key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    @Override
    public void deleteAll(StorageKey prefix) throws IOException {
        Path dir = path(prefix);
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public String uri(StorageKey key) {
        return path(key).toUri().toString();
    }

    @Override
    public Optional<StorageKey> key(String uri) {
        if (!uri.startsWith("file:")) {
            return Optional.empty();
        }
        Path p = Path.of(java.net.URI.create(uri)).toAbsolutePath().normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            return Optional.empty();
        }
        return Optional.of(new StorageKey(root.relativize(p).toString().replace('\\', '/')));
    }
}
