package com.buildtrace.compare.align;

import com.buildtrace.compare.content.Word;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Aligns by the text layer: words that occur exactly once on each sheet are matched by their text, and a
 * similarity is fitted to their baselines with RANSAC (edits and moved notes are outliers), then refined by
 * least squares on the inliers. Exact to a hundredth of a point on vector sheets.
 */
final class TextAligner {

    /** Fewer matched words than this: no text alignment. */
    static final int MIN_WORDS = 4;

    private static final double INLIER_PT = 1.0;

    private static final int ITERATIONS = 200;

    /** Result of a text alignment. */
    record Result(AffineTransform transform, int inliers, int candidates, double residualPt) {
        double confidence() {
            return candidates == 0 ? 0 : inliers / (double) candidates;
        }
    }

    /** The alignment, or null when the sheets share too few unique words. */
    Result align(List<Word> oldWords, List<Word> newWords) {
        List<Word[]> pairs = uniquePairs(oldWords, newWords);
        if (pairs.size() < MIN_WORDS) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(42);
        AffineTransform best = null;
        int bestCount = -1;
        for (int it = 0; it < ITERATIONS; it++) {
            Word[] p = pairs.get(random.nextInt(pairs.size()));
            Word[] q = pairs.get(random.nextInt(pairs.size()));
            if (p == q) {
                continue;
            }
            SimilarityFit fit = new SimilarityFit();
            addPair(fit, p, 1);
            addPair(fit, q, 1);
            AffineTransform t = fit.fit();
            if (!SimilarityFit.plausible(t)) {
                continue;
            }
            int count = countInliers(pairs, t, INLIER_PT * 3);
            if (count > bestCount) {
                bestCount = count;
                best = t;
            }
        }
        if (best == null) {
            return null;
        }
        AffineTransform t = best;
        for (double tol : new double[] {INLIER_PT * 3, INLIER_PT, INLIER_PT / 2}) {
            SimilarityFit fit = new SimilarityFit();
            for (Word[] p : pairs) {
                if (error(p, t) < tol) {
                    addPair(fit, p, 1);
                }
            }
            AffineTransform refined = fit.fit();
            if (refined == null) {
                break;
            }
            t = refined;
        }
        int inliers = 0;
        double sum = 0;
        for (Word[] p : pairs) {
            double e = error(p, t);
            if (e < INLIER_PT) {
                inliers++;
                sum += e * e;
            }
        }
        if (inliers < MIN_WORDS) {
            return null;
        }
        return new Result(t, inliers, pairs.size(), Math.sqrt(sum / inliers));
    }

    /** Pairs (old word, new word) of texts that occur once on each sheet. */
    static List<Word[]> uniquePairs(List<Word> oldWords, List<Word> newWords) {
        Map<String, Word> olds = unique(oldWords);
        Map<String, Word> news = unique(newWords);
        List<Word[]> pairs = new ArrayList<>();
        for (Map.Entry<String, Word> e : olds.entrySet()) {
            Word n = news.get(e.getKey());
            if (n != null) {
                pairs.add(new Word[] {e.getValue(), n});
            }
        }
        return pairs;
    }

    private static Map<String, Word> unique(List<Word> words) {
        Map<String, Word> once = new HashMap<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (Word w : words) {
            String t = w.text();
            if (t.length() < 2 || !hasLetterOrDigit(t)) {
                continue;
            }
            if (seen.put(t, Boolean.TRUE) == null) {
                once.put(t, w);
            } else {
                once.remove(t);
            }
        }
        return once;
    }

    private static boolean hasLetterOrDigit(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isLetterOrDigit(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static void addPair(SimilarityFit fit, Word[] p, double w) {
        fit.add(p[0].x0(), p[0].y0(), p[1].x0(), p[1].y0(), w);
        fit.add(p[0].x1(), p[0].y1(), p[1].x1(), p[1].y1(), w);
    }

    private static int countInliers(List<Word[]> pairs, AffineTransform t, double tol) {
        int n = 0;
        for (Word[] p : pairs) {
            if (error(p, t) < tol) {
                n++;
            }
        }
        return n;
    }

    /** Larger of the two baseline end point errors. */
    private static double error(Word[] p, AffineTransform t) {
        double[] pts = {p[0].x0(), p[0].y0(), p[0].x1(), p[0].y1()};
        t.transform(pts, 0, pts, 0, 2);
        double e0 = Math.hypot(pts[0] - p[1].x0(), pts[1] - p[1].y0());
        double e1 = Math.hypot(pts[2] - p[1].x1(), pts[3] - p[1].y1());
        return Math.max(e0, e1);
    }
}
