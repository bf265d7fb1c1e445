package com.buildtrace.compare.text;

import com.buildtrace.compare.content.Word;
import com.buildtrace.compare.geom.Box;
import com.buildtrace.compare.geom.UnionFind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Diffs two text layers that are already in the same frame. */
public final class TextDiffer {

    /**
     * @param oldWords words of the old sheet, moved into the new sheet's frame, with their line indices
     * @param newWords words of the new sheet, with their line indices
     * @return changes in reading order (top to bottom, left to right)
     */
    public List<TextChange> diff(List<Word> oldWords, List<Word> newWords) {
        boolean[] oldMatched = new boolean[oldWords.size()];
        boolean[] newMatched = new boolean[newWords.size()];
        match(oldWords, newWords, oldMatched, newMatched);
        List<Run> oldRuns = runs(oldWords, oldMatched);
        List<Run> newRuns = runs(newWords, newMatched);
        return pair(oldRuns, newRuns);
    }

    /**
     * Pairs equal words at the same place; then, among the rest, equal words that moved a little (a tag
     * nudged to make room): a moved word is not a change of the text, and its pixels show the move.
     */
    private static void match(List<Word> olds, List<Word> news, boolean[] oldMatched, boolean[] newMatched) {
        Map<String, List<Integer>> byText = new HashMap<>();
        for (int j = 0; j < news.size(); j++) {
            byText.computeIfAbsent(news.get(j).text(), t -> new ArrayList<>()).add(j);
        }
        match(olds, news, oldMatched, newMatched, byText, 0.3, 1.0);
        match(olds, news, oldMatched, newMatched, byText, 2.0, 6.0);
    }

    private static void match(List<Word> olds, List<Word> news, boolean[] oldMatched, boolean[] newMatched,
                              Map<String, List<Integer>> byText, double sizes, double minPt) {
        for (int i = 0; i < olds.size(); i++) {
            Word o = olds.get(i);
            List<Integer> candidates = byText.get(o.text());
            if (candidates == null || oldMatched[i]) {
                continue;
            }
            double tol = Math.max(minPt, sizes * o.size());
            int best = -1;
            double bestDist = tol;
            for (int j : candidates) {
                if (newMatched[j]) {
                    continue;
                }
                Word n = news.get(j);
                double d = Math.hypot(n.x0() - o.x0(), n.y0() - o.y0());
                if (d <= bestDist) {
                    bestDist = d;
                    best = j;
                }
            }
            if (best >= 0) {
                oldMatched[i] = true;
                newMatched[best] = true;
            }
        }
    }

    /** Unmatched words that follow each other on a text line, with no matched word between them. */
    record Run(List<Word> words, Box box, double size, double angle) {
        String text() {
            StringBuilder sb = new StringBuilder();
            for (Word w : words) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(w.text());
            }
            return sb.toString();
        }
    }

    private static List<Run> runs(List<Word> words, boolean[] matched) {
        Map<Integer, List<Integer>> byLine = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            byLine.computeIfAbsent(words.get(i).line(), l -> new ArrayList<>()).add(i);
        }
        List<Run> runs = new ArrayList<>();
        for (List<Integer> line : byLine.values()) {
            double angle = Math.toRadians(words.get(line.get(0)).angleDeg());
            double ux = Math.cos(angle);
            double uy = Math.sin(angle);
            line.sort(Comparator.comparingDouble(i -> words.get(i).x0() * ux + words.get(i).y0() * uy));
            List<Word> current = new ArrayList<>();
            for (int i : line) {
                if (matched[i]) {
                    flush(current, runs);
                } else {
                    current.add(words.get(i));
                }
            }
            flush(current, runs);
        }
        return runs;
    }

    private static void flush(List<Word> current, List<Run> runs) {
        if (current.isEmpty()) {
            return;
        }
        Box box = current.get(0).box();
        double size = 0;
        for (Word w : current) {
            box = box.union(w.box());
            size = Math.max(size, w.size());
        }
        runs.add(new Run(List.copyOf(current), box, size, current.get(0).angleDeg()));
        current.clear();
    }

    /** Old and new runs on the same spot become one replacement; the rest are removals and additions. */
    private static List<TextChange> pair(List<Run> oldRuns, List<Run> newRuns) {
        int n = oldRuns.size() + newRuns.size();
        UnionFind sets = new UnionFind(n);
        for (int i = 0; i < oldRuns.size(); i++) {
            for (int j = 0; j < newRuns.size(); j++) {
                if (sameSpot(oldRuns.get(i), newRuns.get(j))) {
                    sets.union(i, oldRuns.size() + j);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(sets.find(i), r -> new ArrayList<>()).add(i);
        }
        List<TextChange> changes = new ArrayList<>();
        for (List<Integer> group : groups.values()) {
            List<Run> olds = new ArrayList<>();
            List<Run> news = new ArrayList<>();
            for (int i : group) {
                if (i < oldRuns.size()) {
                    olds.add(oldRuns.get(i));
                } else {
                    news.add(newRuns.get(i - oldRuns.size()));
                }
            }
            String oldText = join(olds);
            String newText = join(news);
            Box box = null;
            for (Run r : olds) {
                box = box == null ? r.box() : box.union(r.box());
            }
            for (Run r : news) {
                box = box == null ? r.box() : box.union(r.box());
            }
            if (oldText != null && newText != null) {
                if (oldText.equals(newText)) {
                    continue; // the same words, moved: the pixel regions show the move
                }
                changes.add(replacement(oldText, newText, box));
            } else if (oldText != null) {
                changes.add(new TextChange(TextChange.Kind.REMOVED, oldText, null, box, null));
            } else {
                changes.add(new TextChange(TextChange.Kind.ADDED, null, newText, box, null));
            }
        }
        changes.sort(Comparator.<TextChange>comparingDouble(c -> Math.round(c.box().y()))
                .thenComparingDouble(c -> c.box().x()));
        return changes;
    }

    /**
     * A replacement cut down to what differs. When one text is the other with something added or taken away
     * at one end ({@code 6'1"x12'8"} to {@code x12'8"}, words run together in the PDF), it is a removal or an
     * addition of that part; otherwise words shared at both ends are dropped, so that a long note reads as the
     * phrase that changed.
     */
    static TextChange replacement(String oldText, String newText, Box box) {
        int prefix = 0;
        int max = Math.min(oldText.length(), newText.length());
        while (prefix < max && oldText.charAt(prefix) == newText.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && oldText.charAt(oldText.length() - 1 - suffix) == newText.charAt(newText.length() - 1 - suffix)) {
            suffix++;
        }
        String oldPart = oldText.substring(prefix, oldText.length() - suffix).strip();
        String newPart = newText.substring(prefix, newText.length() - suffix).strip();
        // only a real piece counts as added or removed: E-13 to E-135 stays a replacement
        boolean substantial = prefix + suffix >= 3;
        if (newPart.isEmpty() && oldPart.length() >= 2 && substantial) {
            return new TextChange(TextChange.Kind.REMOVED, oldPart, null, box, null);
        }
        if (oldPart.isEmpty() && newPart.length() >= 2 && substantial) {
            return new TextChange(TextChange.Kind.ADDED, null, newPart, box, null);
        }
        String[] a = oldText.split(" ");
        String[] b = newText.split(" ");
        int head = 0;
        while (head < Math.min(a.length, b.length) - 1 && a[head].equals(b[head])) {
            head++;
        }
        int tail = 0;
        while (tail < Math.min(a.length, b.length) - head - 1
                && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
            tail++;
        }
        return new TextChange(TextChange.Kind.REPLACED, String.join(" ", List.of(a).subList(head, a.length - tail)),
                String.join(" ", List.of(b).subList(head, b.length - tail)), box, null);
    }

    /** Runs in reading order, joined by spaces; null for none. */
    private static String join(List<Run> runs) {
        if (runs.isEmpty()) {
            return null;
        }
        runs.sort(Comparator.<Run>comparingDouble(r -> Math.round(r.box().y()))
                .thenComparingDouble(r -> r.box().x()));
        StringBuilder sb = new StringBuilder();
        for (Run r : runs) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(r.text());
        }
        return sb.toString();
    }

    /** Same direction, same baseline band, and overlapping or nearly touching along the line. */
    static boolean sameSpot(Run a, Run b) {
        if (Math.abs(a.angle() - b.angle()) > 2) {
            return false;
        }
        double size = Math.max(a.size(), b.size());
        double rad = Math.toRadians(a.angle());
        double ux = Math.cos(rad);
        double uy = Math.sin(rad);
        Word wa = a.words().get(0);
        Word wb = b.words().get(0);
        double across = -(wb.x0() - wa.x0()) * uy + (wb.y0() - wa.y0()) * ux;
        if (Math.abs(across) > 0.5 * size) {
            return false;
        }
        double a0 = along(a.words().get(0), ux, uy, true);
        double a1 = along(a.words().get(a.words().size() - 1), ux, uy, false);
        double b0 = along(b.words().get(0), ux, uy, true);
        double b1 = along(b.words().get(b.words().size() - 1), ux, uy, false);
        return Math.max(a0, b0) - Math.min(a1, b1) < 0.8 * size;
    }

    private static double along(Word w, double ux, double uy, boolean start) {
        return start ? w.x0() * ux + w.y0() * uy : w.x1() * ux + w.y1() * uy;
    }
}
