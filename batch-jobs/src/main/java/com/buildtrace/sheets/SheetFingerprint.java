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
 * @param density ink density on a GRID x GRID map of the sheet (lightly blurred, not normalised)
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
        float[] out = new float[blurred.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) blurred[i];
        }
        return out;
    }

    /**
     * Similarity 0..1 of two sheets, text and picture, discounted when their sizes disagree, after taking
     * away what every sheet of the sets shares (the title block, the border, the firm's notes): otherwise two
     * different sparse sheets of one set would look alike.
     */
    public double similarity(SheetFingerprint o, Template template) {
        float[] a = normalised(density, template.density());
        float[] b = normalised(o.density, template.density());
        double visual = 0;
        for (int i = 0; i < a.length; i++) {
            visual += a[i] * b[i];
        }
        visual = Math.max(0, visual);
        double score = visual;
        Map<String, Integer> mine = without(words, template.words());
        Map<String, Integer> theirs = without(o.words, template.words());
        if (total(mine) >= MIN_WORDS && total(theirs) >= MIN_WORDS) {
            score = 0.5 * visual + 0.5 * textSimilarity(mine, theirs);
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

    /** What all sheets of the sets share: the least ink of every cell, and words found on most sheets. */
    public record Template(float[] density, java.util.Set<String> words) {

        /** No shared content: for sets too small to tell template from drawing. */
        public static final Template NONE = new Template(new float[GRID * GRID], java.util.Set.of());

        /** The template of a set of sheets; {@link #NONE} for fewer than three. */
        public static Template of(java.util.Collection<SheetFingerprint> sheets) {
            if (sheets.size() < 3) {
                return NONE;
            }
            float[] least = null;
            Map<String, Integer> sheetsWith = new HashMap<>();
            for (SheetFingerprint f : sheets) {
                if (least == null) {
                    least = f.density.clone();
                } else {
                    for (int i = 0; i < least.length; i++) {
                        least[i] = Math.min(least[i], f.density[i]);
                    }
                }
                for (String w : f.words.keySet()) {
                    sheetsWith.merge(w, 1, Integer::sum);
                }
            }
            java.util.Set<String> common = new java.util.HashSet<>();
            sheetsWith.forEach((w, n) -> {
                if (n >= 0.6 * sheets.size()) {
                    common.add(w);
                }
            });
            return new Template(least, common);
        }
    }

    private static float[] normalised(float[] raw, float[] template) {
        double[] v = new double[raw.length];
        double mean = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0, raw[i] - template[i]);
            mean += v[i];
        }
        mean /= v.length;
        double norm = 0;
        for (double x : v) {
            norm += (x - mean) * (x - mean);
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        if (norm > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) ((v[i] - mean) / norm);
            }
        }
        return out;
    }

    private static Map<String, Integer> without(Map<String, Integer> bag, java.util.Set<String> drop) {
        if (drop.isEmpty()) {
            return bag;
        }
        Map<String, Integer> out = new HashMap<>(bag);
        out.keySet().removeAll(drop);
        return out;
    }

    private static int total(Map<String, Integer> bag) {
        int n = 0;
        for (int v : bag.values()) {
            n += v;
        }
        return n;
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
