package com.buildtrace.compare.overlay;

import com.buildtrace.compare.raster.GrayBand;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** Writes the core rows of grey bands, top to bottom, as one grey PNG (the aligned old or the new sheet). */
public final class GrayPngSink implements Closeable {

    private final PngWriter png;

    public GrayPngSink(Path file, int width, int height, double dpi) throws IOException {
        this.png = PngWriter.gray(OverlayRenderer.open(file), width, height, dpi);
    }

    /** Writes {@code rows} rows of the band starting {@code skip} rows into it. */
    public void write(GrayBand band, int skip, int rows) throws IOException {
        for (int r = 0; r < rows; r++) {
            png.writeRow(band.pixels(), (skip + r) * band.width());
        }
    }

    @Override
    public void close() throws IOException {
        png.close();
    }
}
