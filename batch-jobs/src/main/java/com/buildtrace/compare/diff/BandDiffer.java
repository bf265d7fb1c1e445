package com.buildtrace.compare.diff;

import com.buildtrace.compare.raster.GrayBand;

/**
 * Compares two renderings of the same rows in two steps: {@link #ink} turns each rendering into ink masks
 * (independent, so the two sheets can be done in parallel), and {@link #diff} finds the pixels of one sheet
 * with no ink of the other near them. Each band is rendered with {@code tolerancePx} extra rows above and
 * below so that the tolerance sees across band edges; the result covers the core rows only.
 */
public final class BandDiffer {

    private final DiffSettings settings;

    public BandDiffer(DiffSettings settings) {
        this.settings = settings;
    }

    public DiffSettings settings() {
        return settings;
    }

    /** The ink of one rendered band (scans are smoothed first, which changes the band's pixels). */
    public InkMasks ink(GrayBand band) {
        int w = band.width();
        int rows = band.rows();
        if (settings.scanned()) {
            Speckle.flatten(band, settings.backgroundPx());
        }
        boolean light = settings.comparesLightInk();
        Bitmap dark = new Bitmap(w, rows);
        Bitmap any = light ? new Bitmap(w, rows) : dark;
        Bitmap.threshold(band.pixels(), 0, w, rows, settings.darkBelow(),
                light ? settings.anyBelow() : settings.darkBelow(), dark, light ? any : null);
        return new InkMasks(dark, any);
    }

    /**
     * @param oldInk ink of the old sheet (in the new sheet's frame), rows [y0 - marginTop, ...)
     * @param newInk ink of the new sheet, the same rows
     * @param bandY0 first row of the rendered band (margin included) in the frame
     * @param marginTop margin rows above the core rows (fewer at the top of the sheet)
     * @param coreRows number of core rows
     */
    public BandDiff diff(InkMasks oldInk, InkMasks newInk, int bandY0, int marginTop, int coreRows) {
        return diff(oldInk, newInk, null, null, bandY0, marginTop, coreRows);
    }

    /**
     * As {@link #diff(InkMasks, InkMasks, int, int, int)}; scans are compared on the grey bands (smoothed by
     * {@link #ink}) instead of on their ink masks.
     */
    public BandDiff diff(InkMasks oldInk, InkMasks newInk, GrayBand oldBand, GrayBand newBand, int bandY0,
                         int marginTop, int coreRows) {
        Bitmap oldDark = oldInk.dark();
        Bitmap newDark = newInk.dark();
        if (oldDark.width() != newDark.width() || oldDark.height() != newDark.height()) {
            throw new IllegalArgumentException("bands differ in size");
        }
        boolean light = settings.comparesLightInk();
        int w = oldDark.width();
        int r = settings.tolerancePx();
        Bitmap removed = new Bitmap(w, coreRows);
        Bitmap added = new Bitmap(w, coreRows);
        oldDark.subtractDilated(newDark, r, removed, marginTop);
        newDark.subtractDilated(oldDark, r, added, marginTop);
        if (light) {
            oldInk.any().subtractDilated(newInk.any(), r, removed, marginTop);
            newInk.any().subtractDilated(oldInk.any(), r, added, marginTop);
        }
        if (settings.scanned()) {
            removed.open2x2();
            added.open2x2();
        }
        Bitmap strong = null;
        if (settings.hysteresis()) {
            int r2 = settings.strongTolerancePx();
            strong = new Bitmap(w, coreRows);
            if (settings.scanned() && oldBand != null) {
                // scans: confirmed where the grey levels differ clearly too, not just across the threshold
                ScanDiff.changes(oldBand, newBand, settings.darkBelow(), r, strong, marginTop);
                ScanDiff.changes(newBand, oldBand, settings.darkBelow(), r, strong, marginTop);
            } else {
                oldDark.subtractDilated(newDark, r2, strong, marginTop);
                newDark.subtractDilated(oldDark, r2, strong, marginTop);
            }
            if (light) {
                oldInk.any().subtractDilated(newInk.any(), r2, strong, marginTop);
                newInk.any().subtractDilated(oldInk.any(), r2, strong, marginTop);
            }
        }
        Bitmap oldAny = core(oldInk.any(), marginTop, coreRows);
        Bitmap newAny = core(newInk.any(), marginTop, coreRows);
        return new BandDiff(bandY0 + marginTop, oldAny, newAny,
                light ? core(oldDark, marginTop, coreRows) : oldAny,
                light ? core(newDark, marginTop, coreRows) : newAny, removed, added, strong);
    }

    private static Bitmap core(Bitmap full, int marginTop, int coreRows) {
        if (marginTop == 0 && coreRows == full.height()) {
            return full;
        }
        Bitmap out = new Bitmap(full.width(), coreRows);
        System.arraycopy(full.words(), marginTop * full.wordsPerRow(), out.words(), 0, out.words().length);
        return out;
    }
}
