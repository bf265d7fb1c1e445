package com.buildtrace.compare.tiles;

import com.buildtrace.compare.overlay.OverlayRenderer;

/**
 * How a level of a pyramid is made from the one above it: four 4-bit pixels (a 2 x 2 block) become one. Both
 * rules keep thin line work visible on every level, where an average would fade a one-pixel line at 300 dpi to
 * nothing by the time the whole sheet fits a screen.
 */
public enum TileReduction {

    /**
     * Overlay palette indices ({@link OverlayRenderer#PALETTE}): a change wins its block (removed or added,
     * whichever covers more of it, removed on a tie), then dark ink, then light ink, then paper; the rule of
     * the overlay's preview, so a one-pixel change still shows on the smallest level.
     */
    OVERLAY {
        @Override
        int reduce(int a, int b, int c, int d) {
            int removed = is(a, OverlayRenderer.REMOVED) + is(b, OverlayRenderer.REMOVED)
                    + is(c, OverlayRenderer.REMOVED) + is(d, OverlayRenderer.REMOVED);
            int added = is(a, OverlayRenderer.ADDED) + is(b, OverlayRenderer.ADDED) + is(c, OverlayRenderer.ADDED)
                    + is(d, OverlayRenderer.ADDED);
            if (removed + added > 0) {
                return removed >= added ? OverlayRenderer.REMOVED : OverlayRenderer.ADDED;
            }
            return Math.max(Math.max(a, b), Math.max(c, d));
        }
    },

    /**
     * Grey levels (0 black to 15 white): the mean of the block's two darkest pixels. A line one pixel wide
     * covers two of the four, so it keeps its darkness level after level; a lone dot fades to half.
     */
    GRAY {
        @Override
        int reduce(int a, int b, int c, int d) {
            int lo1 = Math.min(a, b);
            int hi1 = Math.max(a, b);
            int lo2 = Math.min(c, d);
            int hi2 = Math.max(c, d);
            int darkest = Math.min(lo1, lo2);
            int second = Math.min(Math.max(lo1, lo2), Math.min(hi1, hi2));
            return (darkest + second) >> 1;
        }
    };

    /** The reduced pixel of every pair of packed bytes: index {@code top << 8 | bottom}. */
    private final byte[] table = new byte[1 << 16];

    TileReduction() {
        // the constants' reduce methods use no state of theirs: callable while the constant is being made
        for (int i = 0; i < table.length; i++) {
            table[i] = (byte) reduce((i >> 12) & 0xF, (i >> 8) & 0xF, (i >> 4) & 0xF, i & 0xF);
        }
    }

    /** One pixel from a block: {@code a b} on the upper row, {@code c d} on the lower, 0 to 15 each. */
    abstract int reduce(int a, int b, int c, int d);

    /**
     * The reduced pixel of two vertically adjacent packed bytes: {@code top} holds the block's upper two
     * pixels, {@code bottom} its lower two (leftmost in the high bits).
     */
    int reduce(int top, int bottom) {
        return table[(top & 0xFF) << 8 | (bottom & 0xFF)];
    }

    /** {@link #reduce(int, int)} as a table, for loops over whole rows. */
    byte[] table() {
        return table;
    }

    private static int is(int code, byte wanted) {
        return code == wanted ? 1 : 0;
    }
}
