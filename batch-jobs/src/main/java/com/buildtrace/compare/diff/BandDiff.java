package com.buildtrace.compare.diff;

/**
 * The outcome of comparing one band of rows: ink masks of both sheets and the changed pixels, all with the
 * band's core rows only (the margin rows used for the tolerance are cut off).
 *
 * @param y0 first row of the band in the frame
 * @param oldInk ink of the old sheet (any shade)
 * @param newInk ink of the new sheet (any shade)
 * @param oldDark dark ink of the old sheet
 * @param newDark dark ink of the new sheet
 * @param removed old ink with no new ink near it
 * @param added new ink with no old ink near it
 * @param strong changed pixels with no ink of the other sheet within the strong tolerance (the same as
 *     removed | added when hysteresis is off: then it is null)
 */
public record BandDiff(int y0, Bitmap oldInk, Bitmap newInk, Bitmap oldDark, Bitmap newDark, Bitmap removed,
                       Bitmap added, Bitmap strong) {

    public int rows() {
        return removed.height();
    }

    public int width() {
        return removed.width();
    }
}
