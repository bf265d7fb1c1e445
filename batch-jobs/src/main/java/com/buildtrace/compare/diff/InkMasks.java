package com.buildtrace.compare.diff;

/**
 * Where one sheet has ink in a band: dark ink (lines, text) and ink of any shade (with fills and screened
 * content; the same bitmap as {@code dark} when light ink is not compared).
 *
 * @param dark pixels darker than the dark threshold
 * @param any pixels darker than the light threshold
 */
public record InkMasks(Bitmap dark, Bitmap any) {
}
