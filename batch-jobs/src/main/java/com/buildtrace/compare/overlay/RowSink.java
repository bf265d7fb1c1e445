package com.buildtrace.compare.overlay;

import java.io.Closeable;
import java.io.IOException;

/**
 * Takes the rows of an image top to bottom, each in the packed form of a PNG row of its bit depth (for the
 * 4-bit images: two pixels a byte, the leftmost in the high bits). Where the rows of the full-size images go
 * besides their PNG: the tile pyramid of the web viewer.
 */
public interface RowSink extends Closeable {

    /** Takes the next row: its bytes from {@code row} at {@code offset}. */
    void writeRow(byte[] row, int offset) throws IOException;
}
