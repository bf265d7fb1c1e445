package com.buildtrace.storage;

import com.google.api.gax.paging.Page;
import com.google.cloud.ReadChannel;
import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A store in a Google Cloud Storage bucket: a key is an object name. Objects are written and read as streams
 * (resumable uploads in chunks, ranged reads), never whole in memory; a written object becomes visible only
 * once complete, so a reader never sees half of one.
 */
public final class GcsDrawingStore implements DrawingStore {

    /** Upload chunk: the client's default is 16 MB per buffer, more than a drawing worker wants to hold. */
    static final int CHUNK_BYTES = 4 << 20;

    /** Objects listed per request. */
    static final int PAGE_SIZE = 1000;

    private final Storage storage;

    private final String bucket;

    /**
     * @param storage the client
     * @param bucket the bucket that holds the objects
     */
    public GcsDrawingStore(Storage storage, String bucket) {
        this.storage = Objects.requireNonNull(storage, "storage");
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]")) {
            throw new IllegalArgumentException("not a Cloud Storage bucket name: " + bucket);
        }
        this.bucket = bucket;
    }

    /** The bucket. */
    public String bucket() {
        return bucket;
    }

    @Override
    public StoredObject write(StorageKey key, InputStream content) throws IOException {
        BlobInfo info = BlobInfo.newBuilder(id(key)).setContentType(contentType(key)).build();
        try {
            WriteChannel channel = storage.writer(info);
            channel.setChunkSize(CHUNK_BYTES);
            try (OutputStream out = Channels.newOutputStream(channel)) {
                content.transferTo(out);
            }
        } catch (StorageException e) {
            throw failure("writing", key, e);
        }
        return stat(key).orElseThrow(() -> new IOException(uri(key) + " was written but cannot be found"));
    }

    @Override
    public StoredObject write(StorageKey key, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return write(key, in);
        }
    }

    @Override
    public InputStream read(StorageKey key) throws IOException {
        StoredObject object = stat(key).orElseThrow(() -> new NoSuchFileException(uri(key)));
        try {
            // the generation just seen: an object replaced meanwhile fails the read instead of mixing two
            ReadChannel channel = storage.reader(BlobId.of(bucket, key.path(), object.generation()));
            channel.setChunkSize(CHUNK_BYTES);
            return Channels.newInputStream(channel);
        } catch (StorageException e) {
            throw failure("reading", key, e);
        }
    }

    /** Reads the range from the object's generation that was looked up: a newer write fails the read. */
    @Override
    public InputStream read(StoredObject object, long offset, long length) throws IOException {
        LocalDrawingStore.checkRange(object, offset, length);
        StorageKey key = object.key();
        try {
            ReadChannel channel = storage.reader(BlobId.of(bucket, key.path(), object.generation()));
            // one request for a small range, not a whole chunk
            channel.setChunkSize((int) Math.max(1 << 14, Math.min(CHUNK_BYTES, length)));
            channel.seek(offset);
            return new BoundedInputStream(new FailureMapping(Channels.newInputStream(channel), key), length);
        } catch (StorageException e) {
            throw failure("reading", key, e);
        }
    }

    @Override
    public void copyTo(StorageKey key, Path file) throws IOException {
        try (InputStream in = read(key)) {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (StorageException e) {
            throw failure("reading", key, e);
        }
    }

    @Override
    public Optional<StoredObject> stat(StorageKey key) throws IOException {
        try {
            Blob blob = storage.get(id(key));
            return blob == null ? Optional.empty() : Optional.of(object(key, blob));
        } catch (StorageException e) {
            throw failure("looking up", key, e);
        }
    }

    @Override
    public List<StoredObject> list(StorageKey prefix) throws IOException {
        List<StoredObject> objects = new ArrayList<>();
        try {
            Page<Blob> page = storage.list(bucket, Storage.BlobListOption.prefix(prefix.path() + "/"),
                    Storage.BlobListOption.pageSize(PAGE_SIZE));
            // iterateAll follows the pages one request at a time
            for (Blob blob : page.iterateAll()) {
                if (blob.getName().endsWith("/")) {
                    continue; // a "folder" placeholder made by the console, not an object of ours
                }
                objects.add(object(keyOf(blob.getName()), blob));
            }
        } catch (StorageException e) {
            throw failure("listing", prefix, e);
        }
        objects.sort(Comparator.comparing(o -> o.key().path()));
        return objects;
    }

    @Override
    public void delete(StorageKey key) throws IOException {
        try {
            storage.delete(id(key));
        } catch (StorageException e) {
            throw failure("deleting", key, e);
        }
    }

    /** Deletes the listed objects, one request each: what every Cloud Storage endpoint and emulator serves. */
    @Override
    public void deleteAll(StorageKey prefix) throws IOException {
        for (StoredObject o : list(prefix)) {
            delete(o.key());
        }
    }

    @Override
    public String uri(StorageKey key) {
        return "gs://" + bucket + "/" + key.path();
    }

    @Override
    public Optional<StorageKey> key(String uri) {
        String prefix = "gs://" + bucket + "/";
        if (!uri.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StorageKey(uri.substring(prefix.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private BlobId id(StorageKey key) {
        return BlobId.of(bucket, key.path());
    }

    private StorageKey keyOf(String name) throws IOException {
        try {
            return new StorageKey(name);
        } catch (IllegalArgumentException e) {
            throw new IOException("gs://" + bucket + "/" + name + " is not an object this store can name: "
                    + e.getMessage(), e);
        }
    }

    private static StoredObject object(StorageKey key, Blob blob) {
        Long size = blob.getSize();
        Long updated = blob.getUpdateTime();
        Long generation = blob.getGeneration();
        return new StoredObject(key, size == null ? 0 : size, updated == null ? null : Instant.ofEpochMilli(updated),
                generation == null ? 0 : generation);
    }

    /** Reads through a channel, turning the client's failures into the store's (404: NoSuchFileException). */
    private final class FailureMapping extends java.io.FilterInputStream {

        private final StorageKey key;

        FailureMapping(InputStream in, StorageKey key) {
            super(in);
            this.key = key;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (StorageException e) {
                throw failure("reading", key, e);
            } catch (IOException e) {
                if (e.getCause() instanceof StorageException s) {
                    throw failure("reading", key, s);
                }
                throw e;
            }
        }
    }

    private IOException failure(String doing, StorageKey key, StorageException e) {
        if (e.getCode() == 404) {
            NoSuchFileException missing = new NoSuchFileException(uri(key));
            missing.initCause(e);
            return missing;
        }
        return new IOException(doing + " " + uri(key) + " failed: " + e.getMessage(), e);
    }

    /** The content type browsers need to show a report and its images straight from the bucket. */
    static String contentType(StorageKey key) {
        String name = key.name().toLowerCase(Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "pdf" -> "application/pdf";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "tif", "tiff" -> "image/tiff";
            case "json" -> "application/json";
            case "html" -> "text/html; charset=utf-8";
            case "log", "txt" -> "text/plain; charset=utf-8";
            default -> "application/octet-stream";
        };
    }
}
