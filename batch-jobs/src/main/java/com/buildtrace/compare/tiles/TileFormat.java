package com.buildtrace.compare.tiles;

import com.buildtrace.compare.overlay.OverlayRenderer;
import com.buildtrace.compare.overlay.PngWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a pyramid's tiles are: 4-bit PNGs, palette or grey, like the full-size image they are cut from (line art
 * compresses best that way), and how its levels are reduced.
 *
 * @param palette the colours of a palette image (at most 16), or null for 16 grey levels
 * @param reduction how a level is made from the one above
 */
public record TileFormat(int[] palette, TileReduction reduction) {

    public TileFormat {
        Objects.requireNonNull(reduction, "reduction");
        if (palette != null && (palette.length == 0 || palette.length > 16)) {
            throw new IllegalArgumentException("a 4-bit palette has 1 to 16 colours, not " + palette.length);
        }
        palette = palette == null ? null : palette.clone();
    }

    /** The overlay's: its palette, a change winning its block. */
    public static TileFormat overlay() {
        return new TileFormat(OverlayRenderer.PALETTE, TileReduction.OVERLAY);
    }

    /** The aligned old and the new sheet's: 16 grey levels, the two darkest pixels of a block averaged. */
    public static TileFormat gray() {
        return new TileFormat(null, TileReduction.GRAY);
    }

    @Override
    public int[] palette() {
        return palette == null ? null : palette.clone();
    }

    /** A PNG encoder for one tile. */
    PngWriter png(OutputStream out, int width, int height) throws IOException {
        return palette == null ? PngWriter.gray4(out, width, height, 0)
                : PngWriter.palette(out, width, height, 4, palette, 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TileFormat f && Arrays.equals(palette, f.palette) && reduction == f.reduction;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(palette) + reduction.hashCode();
    }

    @Override
    public String toString() {
        return "TileFormat[" + (palette == null ? "grey" : palette.length + " colours") + ", " + reduction + "]";
    }
}
