package com.buildtrace.sheets;

import com.buildtrace.compare.content.Word;
import com.buildtrace.compare.raster.GrayImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sheet looks like in brief, to recognise it in another revision when its number does not tell: the
 * bag of its words and a coarse ink-density map over a fixed grid.
 *
 * @param words word counts of the text layer
 * @param density ink density on a GRID x GRID map of the sheet, mean 0 and unit norm (all 0 for a blank sheet)
 * @param widthPt displayed width
 * @param heightPt displayed height
 */
public record SheetFingerprint(Map<String, Integer> words, float[] density, double widthPt, double heightPt) {

    /** Cells per side of the density map. */
    public static final int GRID = 48;

    /** Sheets need this many words each for their text to count in the similarity. */
    static final int MIN_WORDS = 15;

    public SheetFingerprint {
        words = Map.copyOf(words);
        if (density.length != GRID * GRID) {
            throw new IllegalArgumentException("density map must be " + GRID + " x " + GRID);
        }
    }

    /**
     * @param preview the sheet rendered small (a few hundred pixels per side is plenty)
     */
    public static SheetFingerprint of(List<Word> words, GrayImage preview, double widthPt, double heightPt) {
        Map<String, Integer> bag = new HashMap<>();
        for (Word w : words) {
            bag.merge(w.text(), 1, Integer::sum);
        }
        return new SheetFingerprint(bag, density(preview), widthPt, heightPt);
    }

    static float[] density(GrayImage img) {
        double[] sum = new double[GRID * GRID];
        byte[] px = img.pixels();
        for (int y = 0; y < img.height(); y++) {
            int gy = Math.min(GRID - 1, y * GRID / img.height());
            for (int x = 0; x < img.width(); x++) {
                int gx = Math.min(GRID - 1, x * GRID / img.width());
                sum[gy * GRID + gx] += 255 - (px[y * img.width() + x] & 0xFF);
            }
        }
        // a light blur so that a small shift between revisions does not change the map much
        double[] blurred = new double[sum.length];
        for (int y = 0; y < GRID; y++) {
            for (int x = 0; x < GRID; x++) {
                double s = 0;
                double n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < GRID && xx >= 0 && xx < GRID) {
                            double wgt = dx == 0 && dy == 0 ? 4 : (dx == 0 || dy == 0 ? 2 : 1);
                            s += wgt * sum[yy * GRID + xx];
                            n += wgt;
                        }
                    }
                }
                blurred[y * GRID + x] = s / n;
            }
        }
        double mean = 0;
        for (double v : blurred) {
            mean += v;
        }
        mean /= blurred.length;
        double norm = 0;
        for (double v : blurred) {
            norm += (v - mean) * (v - mean);
        }
        norm = Math.sqrt(norm);
        float[] out = new float[blurred.length];
        if (norm > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) ((blurred[i] - mean) / norm);
            }
        }
        return out;
    }

    /** Similarity 0..1 of two sheets: text and picture, discounted when their sizes disagree. */
    public double similarity(SheetFingerprint o) {
        double visual = 0;
        for (int i = 0; i < density.length; i++) {
            visual += density[i] * o.density[i];
        }
        visual = Math.max(0, visual);
        double score = visual;
        int mine = words.values().stream().mapToInt(Integer::intValue).sum();
        int theirs = o.words.values().stream().mapToInt(Integer::intValue).sum();
        if (mine >= MIN_WORDS && theirs >= MIN_WORDS) {
            score = 0.5 * visual + 0.5 * textSimilarity(words, o.words);
        }
        double areaRatio = Math.min(widthPt * heightPt, o.widthPt * o.heightPt)
                / Math.max(widthPt * heightPt, o.widthPt * o.heightPt);
        double aspect = (widthPt / heightPt) / (o.widthPt / o.heightPt);
        if (aspect < 1) {
            aspect = 1 / aspect;
        }
        if (aspect > 1.15) {
            score *= 0.6;
        }
        return score * Math.sqrt(areaRatio);
    }

    /** Multiset Jaccard index of two word bags. */
    static double textSimilarity(Map<String, Integer> a, Map<String, Integer> b) {
        long inter = 0;
        long union = 0;
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            int other = b.getOrDefault(e.getKey(), 0);
            inter += Math.min(e.getValue(), other);
            union += Math.max(e.getValue(), other);
        }
        for (Map.Entry<String, Integer> e : b.entrySet()) {
            if (!a.containsKey(e.getKey())) {
                union += e.getValue();
            }
        }
        return union == 0 ? 0 : inter / (double) union;
    }
}
