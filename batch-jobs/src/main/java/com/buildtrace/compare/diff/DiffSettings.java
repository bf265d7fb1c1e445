package com.buildtrace.compare.diff;

/**
 * How ink is told from paper and how much misregistration is forgiven.
 *
 * @param tolerancePx a pixel of one sheet counts as changed only when the other sheet has no ink within this
 *     many pixels (square neighbourhood); absorbs anti-aliasing and sub-pixel re-plot differences
 * @param darkBelow grey values below this are dark ink (lines, text)
 * @param anyBelow grey values below this are ink of any shade (light fills, screened content); 0 to compare
 *     dark ink only (scans, whose light areas are noise)
 * @param cellPx side of the cells in which changed pixels are counted (a power of two, about a point)
 * @param scanned the sheets are scans: smooth out speckle before thresholding, and drop one-pixel slivers
 *     of change (scans have no one-pixel lines; their edges wander by a pixel)
 * @param strongTolerancePx a group of changed pixels counts only if some of them have no ink of the other
 *     sheet within this many pixels either (hysteresis): drops the slivers that re-plots and scans leave
 *     along unchanged lines, keeps real changes, which stand clear of the other sheet's ink. Equal to
 *     {@code tolerancePx} to switch it off (sheets that coincide exactly)
 */
public record DiffSettings(int tolerancePx, int darkBelow, int anyBelow, int cellPx, boolean scanned,
                           int strongTolerancePx) {

    public DiffSettings {
        if (tolerancePx < 0 || tolerancePx > 16) {
            throw new IllegalArgumentException("tolerancePx must be 0..16: " + tolerancePx);
        }
        if (darkBelow < 1 || darkBelow > 256 || anyBelow < 0 || anyBelow > 256) {
            throw new IllegalArgumentException("thresholds must be 0..256");
        }
        if (strongTolerancePx < tolerancePx || strongTolerancePx > 16) {
            throw new IllegalArgumentException("strongTolerancePx must be tolerancePx..16: " + strongTolerancePx);
        }
        if (cellPx < 1 || cellPx > 64 || Integer.bitCount(cellPx) != 1) {
            throw new IllegalArgumentException("cellPx must be a power of two up to 64: " + cellPx);
        }
    }

    /** Radius, in pixels, of the neighbourhood a scan's paper level is taken from: about 4 points. */
    public int backgroundPx() {
        return Math.max(3, cellPx * 4);
    }

    /** True when changed pixels must also be confirmed at the strong tolerance. */
    public boolean hysteresis() {
        return strongTolerancePx > tolerancePx;
    }

    /** True when light ink is compared too. */
    public boolean comparesLightInk() {
        return anyBelow > darkBelow;
    }

    /** The cell size for a resolution: the largest power of two not above one point. */
    public static int cellFor(double dpi) {
        int c = 1;
        while (c * 2 <= dpi / 72.0 + 1e-9 && c < 64) {
            c *= 2;
        }
        return c;
    }
}
