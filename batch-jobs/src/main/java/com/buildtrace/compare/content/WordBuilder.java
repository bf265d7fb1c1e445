package com.buildtrace.compare.content;

import com.buildtrace.compare.geom.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Groups glyphs into words, and words into text lines, by their geometry. */
final class WordBuilder {

    /**
     * A gap wider than this share of the font size separates words: half a typical space (0.28 em), as
     * PDFTextStripper does, because many drawing PDFs place words with no space character between them.
     */
    static final double WORD_GAP = 0.15;

    /** Words on one baseline closer than this many font sizes belong to one text line. */
    static final double LINE_GAP = 1.6;

    private WordBuilder() {
    }

    /** Words in content-stream order. */
    static List<Word> words(List<PageContentScanner.Glyph> glyphs) {
        List<Word> words = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        PageContentScanner.Glyph first = null;
        PageContentScanner.Glyph last = null;
        double minX = 0;
        double minY = 0;
        double maxX = 0;
        double maxY = 0;
        for (PageContentScanner.Glyph g : glyphs) {
            boolean blank = g.text().isBlank();
            if (first != null && (blank || !continues(last, g))) {
                words.add(word(text, first, last, minX, minY, maxX, maxY));
                text.setLength(0);
                first = null;
            }
            if (blank) {
                continue;
            }
            if (first == null) {
                first = g;
                minX = g.minX();
                minY = g.minY();
                maxX = g.maxX();
                maxY = g.maxY();
            } else {
                minX = Math.min(minX, g.minX());
                minY = Math.min(minY, g.minY());
                maxX = Math.max(maxX, g.maxX());
                maxY = Math.max(maxY, g.maxY());
            }
            text.append(g.text());
            last = g;
        }
        if (first != null) {
            words.add(word(text, first, last, minX, minY, maxX, maxY));
        }
        return words;
    }

    private static Word word(StringBuilder text, PageContentScanner.Glyph first, PageContentScanner.Glyph last,
                             double minX, double minY, double maxX, double maxY) {
        String t = text.toString().strip();
        return new Word(t.isEmpty() ? "?" : t, Box.ofCorners(minX, minY, maxX, maxY),
                first.x0(), first.y0(), last.x1(), last.y1(), first.size(), -1);
    }

    /** True when glyph g continues the word whose last glyph is prev. */
    private static boolean continues(PageContentScanner.Glyph prev, PageContentScanner.Glyph g) {
        double size = Math.max(prev.size(), g.size());
        if (Math.abs(prev.size() - g.size()) > 0.35 * size) {
            return false;
        }
        double dx = prev.x1() - prev.x0();
        double dy = prev.y1() - prev.y0();
        double len = Math.hypot(dx, dy);
        if (len < 1e-9) {
            return Math.hypot(g.x0() - prev.x1(), g.y0() - prev.y1()) < WORD_GAP * size;
        }
        double ux = dx / len;
        double uy = dy / len;
        // the next glyph must run in the same direction
        double gdx = g.x1() - g.x0();
        double gdy = g.y1() - g.y0();
        double glen = Math.hypot(gdx, gdy);
        if (glen > 1e-9 && (gdx * ux + gdy * uy) / glen < 0.996) {
            return false;
        }
        double ox = g.x0() - prev.x1();
        double oy = g.y0() - prev.y1();
        double along = ox * ux + oy * uy;
        double across = -ox * uy + oy * ux;
        return Math.abs(across) < 0.25 * size && along < WORD_GAP * size && along > -0.6 * size;
    }

    /** Words with their line index, and the number of lines. */
    record Lines(List<Word> words, int count) {
    }

    /**
     * Builds text lines: words whose baselines are collinear and that follow each other closely. Works for
     * any text direction (drawings rotate text freely).
     */
    static Lines lines(List<Word> words) {
        int n = words.size();
        double[] angle = new double[n];
        double[] across = new double[n];
        double[] along0 = new double[n];
        double[] along1 = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            Word w = words.get(i);
            double a = Math.rint(w.angleDeg());
            angle[i] = a;
            double rad = Math.toRadians(a);
            double ux = Math.cos(rad);
            double uy = Math.sin(rad);
            across[i] = -w.x0() * uy + w.y0() * ux;
            along0[i] = w.x0() * ux + w.y0() * uy;
            along1[i] = w.x1() * ux + w.y1() * uy;
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> angle[i])
                .thenComparingDouble(i -> across[i]).thenComparingDouble(i -> along0[i]));
        int[] lineOf = new int[n];
        int lines = 0;
        int start = 0;
        while (start < n) {
            // a band of words with the same direction and (chained) baseline
            int end = start + 1;
            while (end < n && angle[order[end]] == angle[order[start]]
                    && across[order[end]] - across[order[end - 1]] < 0.2 * words.get(order[end]).size()) {
                end++;
            }
            List<Integer> band = new ArrayList<>(List.of(order).subList(start, end));
            band.sort(Comparator.comparingDouble(i -> along0[i]));
            double reach = Double.NEGATIVE_INFINITY;
            for (int i : band) {
                double size = words.get(i).size();
                if (along0[i] - reach > LINE_GAP * size) {
                    lines++;
                }
                lineOf[i] = lines - 1;
                reach = Math.max(reach, along1[i]);
            }
            start = end;
        }
        List<Word> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(words.get(i).withLine(lineOf[i]));
        }
        return new Lines(out, lines);
    }
}
