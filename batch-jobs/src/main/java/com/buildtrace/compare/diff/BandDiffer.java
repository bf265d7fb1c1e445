package com.buildtrace.compare.diff;

import com.buildtrace.compare.raster.GrayBand;

/**
 * Compares two renderings of the same rows. Each band is rendered with {@code tolerancePx} extra rows above
 * and below so that the tolerance sees across band edges; the result covers the core rows only.
 */
public final class BandDiffer {

    private final DiffSettings settings;

    public BandDiffer(DiffSettings settings) {
        this.settings = settings;
    }

    public DiffSettings settings() {
        return settings;
    }

    /**
     * @param oldBand the old sheet in the new sheet's frame, rows [y0 - margin, y1 + margin)
     * @param newBand the new sheet, the same rows
     * @param marginTop margin rows present above the core rows (fewer at the top of the sheet)
     * @param coreRows number of core rows
     */
    public BandDiff diff(GrayBand oldBand, GrayBand newBand, int marginTop, int coreRows) {
        if (oldBand.width() != newBand.width() || oldBand.rows() != newBand.rows()) {
            throw new IllegalArgumentException("bands differ in size");
        }
        int w = newBand.width();
        int rows = newBand.rows();
        if (settings.scanned()) {
            Speckle.smooth(oldBand);
            Speckle.smooth(newBand);
        }
        boolean light = settings.comparesLightInk();
        Bitmap oldDark = new Bitmap(w, rows);
        Bitmap newDark = new Bitmap(w, rows);
        Bitmap oldAny = light ? new Bitmap(w, rows) : oldDark;
        Bitmap newAny = light ? new Bitmap(w, rows) : newDark;
        Bitmap.threshold(oldBand.pixels(), 0, w, rows, settings.darkBelow(), light ? settings.anyBelow()
                : settings.darkBelow(), oldDark, light ? oldAny : null);
        Bitmap.threshold(newBand.pixels(), 0, w, rows, settings.darkBelow(), light ? settings.anyBelow()
                : settings.darkBelow(), newDark, light ? newAny : null);

        int r = settings.tolerancePx();
        Bitmap removed = new Bitmap(w, coreRows);
        Bitmap added = new Bitmap(w, coreRows);
        subtract(oldDark, newDark.dilate(r), removed, marginTop);
        subtract(newDark, oldDark.dilate(r), added, marginTop);
        if (light) {
            subtract(oldAny, newAny.dilate(r), removed, marginTop);
            subtract(newAny, oldAny.dilate(r), added, marginTop);
        }
        if (settings.scanned()) {
            removed.open2x2();
            added.open2x2();
        }
        Bitmap oldInk = core(oldAny, marginTop, coreRows);
        Bitmap newInk = core(newAny, marginTop, coreRows);
        return new BandDiff(newBand.y0() + marginTop, oldInk, newInk,
                light ? core(oldDark, marginTop, coreRows) : oldInk,
                light ? core(newDark, marginTop, coreRows) : newInk, removed, added);
    }

    /** out |= a & ~b over the core rows. */
    private static void subtract(Bitmap a, Bitmap b, Bitmap out, int marginTop) {
        int wpr = a.wordsPerRow();
        long[] aw = a.words();
        long[] bw = b.words();
        long[] ow = out.words();
        int offset = marginTop * wpr;
        for (int i = 0; i < ow.length; i++) {
            ow[i] |= aw[offset + i] & ~bw[offset + i];
        }
    }

    private static Bitmap core(Bitmap full, int marginTop, int coreRows) {
        Bitmap out = new Bitmap(full.width(), coreRows);
        System.arraycopy(full.words(), marginTop * full.wordsPerRow(), out.words(), 0, out.words().length);
        return out;
    }
}
