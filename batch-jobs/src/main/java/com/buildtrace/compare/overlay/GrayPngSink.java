package com.buildtrace.compare.overlay;

import com.buildtrace.compare.raster.GrayBand;
import java.io.Closeable;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Writes the core rows of grey bands, top to bottom, as one grey PNG (the aligned old or the new sheet) with
 * 16 grey levels: plenty for line work rendered without anti-aliasing, and half the data to compress. The same
 * 4-bit rows can go to a second sink (the tile pyramid).
 */
public final class GrayPngSink implements Closeable {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final PngWriter png;

    private final RowSink tiles;

    private final byte[] row;

    /** @param tiles where the 4-bit rows go as well, or null; closed with this sink */
    public GrayPngSink(Path file, int width, int height, double dpi, RowSink tiles) throws IOException {
        this.png = PngWriter.gray4(OverlayRenderer.open(file), width, height, dpi);
        this.tiles = tiles;
        this.row = new byte[png.rowBytes()];
    }

    /** Writes {@code rows} rows of the band starting {@code skip} rows into it. */
    public void write(GrayBand band, int skip, int rows) throws IOException {
        byte[] px = band.pixels();
        int w = band.width();
        for (int r = 0; r < rows; r++) {
            int at = (skip + r) * w;
            int x = 0;
            while (x < w) {
                // paper: eight white pixels become four white bytes
                if (x + 8 <= w && (long) LONGS.get(px, at + x) == -1L) {
                    int o = x >> 1;
                    row[o] = -1;
                    row[o + 1] = -1;
                    row[o + 2] = -1;
                    row[o + 3] = -1;
                    x += 8;
                    continue;
                }
                int hi = px[at + x] & 0xF0;
                int lo = x + 1 < w ? (px[at + x + 1] & 0xF0) >>> 4 : 0;
                row[x >> 1] = (byte) (hi | lo);
                x += 2;
            }
            png.writeRow(row, 0);
            if (tiles != null) {
                tiles.writeRow(row, 0);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            png.close();
        } finally {
            if (tiles != null) {
                tiles.close();
            }
        }
    }
}
