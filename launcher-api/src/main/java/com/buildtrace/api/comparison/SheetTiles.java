package com.buildtrace.api.comparison;

import com.buildtrace.compare.tiles.PngTiler;
import com.buildtrace.compare.tiles.TileArchive;
import com.buildtrace.compare.tiles.TileReduction;
import com.buildtrace.storage.DrawingStore;
import com.buildtrace.storage.StorageKey;
import com.buildtrace.storage.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The tile pyramids of the sheets' full-size images ({@code overlay.tiles} next to {@code overlay.png}, and so on)
 * as the viewer reads them: opened once (footer and index, two ranged reads) and kept for the next tiles, each
 * tile one ranged read of the store. An image written before the engine wrote pyramids gets its pyramid made
 * here on first use, streamed from the PNG (memory: a few strips, never the image) and stored next to it, once
 * however many requests ask at the same time.
 */
@Component
class SheetTiles {

    private static final Logger LOG = LoggerFactory.getLogger(SheetTiles.class);

    /** Opened pyramids kept: each is its grid and an index of 12 bytes a tile (7 kB for a 300-dpi sheet). */
    static final int KEPT = 256;

    /** Pyramids made at once: each takes a core for a second or two. */
    static final int MAKERS = 2;

    private final DrawingStore store;

    private final Map<StorageKey, Opened> opened = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<StorageKey, Opened> eldest) {
            return size() > KEPT;
        }
    });

    private final Map<StorageKey, CompletableFuture<StoredObject>> making = new ConcurrentHashMap<>();

    private final Semaphore makers = new Semaphore(MAKERS);

    SheetTiles(DrawingStore store) {
        this.store = store;
    }

    /**
     * An opened pyramid: which write of the file it is, its index, and its version (what tells that write from
     * another: tile addresses carry it, so a browser may keep a tile for good).
     */
    record Opened(StoredObject object, TileArchive archive, String version) {
    }

    /**
     * The pyramid of an image, as it is now (looked up in the store), made first when the image has none.
     *
     * @param image the image's key
     * @param reduction how its levels are made, should it need a pyramid
     */
    Opened pyramid(StorageKey image, TileReduction reduction) throws IOException {
        StorageKey key = keyOf(image);
        Optional<StoredObject> found = store.stat(key);
        StoredObject object = found.isPresent() ? found.get() : make(image, key, reduction);
        Opened known = opened.get(key);
        if (known != null && known.object().sameWriteAs(object)) {
            return known;
        }
        TileArchive archive = TileArchive.open((offset, length) -> read(object, offset, length), object.bytes());
        Opened fresh = new Opened(object, archive, version(object));
        opened.put(key, fresh);
        return fresh;
    }

    /**
     * The pyramid of an image for a tile: the one opened before when there is one (no look-up in the store per
     * tile), else as {@link #pyramid}.
     */
    Opened forTile(StorageKey image, TileReduction reduction) throws IOException {
        Opened known = opened.get(keyOf(image));
        return known != null ? known : pyramid(image, reduction);
    }

    /**
     * A tile's PNG. A pyramid written again since it was opened (a sheet compared again) is opened again and
     * the tile read from the new one.
     *
     * @return the tile, and the pyramid it was read from
     */
    Tile tile(StorageKey image, TileReduction reduction, Opened pyramid, int level, int x, int y) throws IOException {
        try {
            return new Tile(read(pyramid.object(), pyramid.archive().range(level, x, y)), pyramid);
        } catch (NoSuchFileException e) {
            opened.remove(keyOf(image));
            Opened again = pyramid(image, reduction);
            return new Tile(read(again.object(), again.archive().range(level, x, y)), again);
        }
    }

    /**
     * A tile's bytes.
     *
     * @param png the PNG
     * @param pyramid the pyramid it is from
     */
    record Tile(byte[] png, Opened pyramid) {
    }

    /** The pyramid file of an image: {@code .../overlay.png} → {@code .../overlay.tiles}. */
    static StorageKey keyOf(StorageKey image) {
        return new StorageKey(TileArchive.fileOf(image.path()));
    }

    /** A version that changes with every write of the file. */
    static String version(StoredObject o) {
        return Long.toHexString(o.bytes()) + "-" + Long.toHexString(o.updated() == null ? 0 : o.updated().toEpochMilli())
                + (o.generation() == 0 ? "" : "-" + Long.toHexString(o.generation()));
    }

    private byte[] read(StoredObject object, TileArchive.Range range) throws IOException {
        return read(object, range.offset(), range.length());
    }

    private byte[] read(StoredObject object, long offset, int length) throws IOException {
        try (InputStream in = store.read(object, offset, length)) {
            return in.readNBytes(length);
        }
    }

    /** Makes and stores the pyramid of an image that has none; concurrent callers wait for the one making it. */
    private StoredObject make(StorageKey image, StorageKey key, TileReduction reduction) throws IOException {
        CompletableFuture<StoredObject> mine = new CompletableFuture<>();
        CompletableFuture<StoredObject> running = making.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            StoredObject made = makeNow(image, key, reduction);
            mine.complete(made);
            return made;
        } catch (IOException | RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            making.remove(key, mine);
        }
    }

    private StoredObject makeNow(StorageKey image, StorageKey key, TileReduction reduction) throws IOException {
        makers.acquireUninterruptibly();
        Path file = Files.createTempFile("buildtrace-", TileArchive.EXTENSION);
        try {
            Optional<StoredObject> meanwhile = store.stat(key);
            if (meanwhile.isPresent()) {
                return meanwhile.get();
            }
            long start = System.nanoTime();
            try (InputStream png = store.read(image)) {
                PngTiler.tile(png, reduction, file);
            }
            StoredObject made = store.write(key, file);
            LOG.info("made the tile pyramid of {} ({} bytes) in {} ms", image, made.bytes(),
                    (System.nanoTime() - start) / 1_000_000);
            return made;
        } finally {
            Files.deleteIfExists(file);
            makers.release();
        }
    }

    private static StoredObject await(CompletableFuture<StoredObject> running) throws IOException {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new UncheckedIOException(new IOException(e.getCause()));
        }
    }
}
