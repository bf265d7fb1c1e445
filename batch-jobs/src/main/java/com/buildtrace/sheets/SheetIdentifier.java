package com.buildtrace.sheets;

import com.buildtrace.compare.content.PageContent;
import com.buildtrace.compare.content.Word;
import com.buildtrace.compare.geom.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the sheet number and title from the text layer. A sheet number looks like A-101, E201A, S2.1,
 * A101-A or M-401.1; among the words that look like one, the title block's is the one that sits in the
 * bottom-right corner or right-hand strip, is printed large, occurs once, and often follows a label such as
 * SHEET NO. Circuit numbers and grid tags look alike but repeat and are small.
 */
public final class SheetIdentifier {

    static final Pattern NUMBER = Pattern.compile(
            "[A-Z]{1,3}[-.]?\\d{1,4}(?:\\.\\d{1,3})*[A-Z]{0,2}(?:-[A-Z0-9]{1,3})?");

    /** Paper sizes and scale-like tokens that match the pattern but are not sheet numbers. */
    static final Pattern NOT_A_NUMBER = Pattern.compile("(?:A[0-5]|B[0-5]|C[0-5]|ISO\\d+|NO\\.?\\d*|R\\d+|RFI-?\\d+)");

    private static final Set<String> LABELS = Set.of("SHEET", "SHEET:", "SHEET#", "NO", "NO.", "NO:", "NUMBER",
            "NUMBER:", "DWG", "DWG.", "DWG:", "DRAWING", "DRAWING:", "SHT", "SHT.");

    private static final Set<String> TITLE_WORDS = Set.of("PLAN", "PLANS", "ELEVATION", "ELEVATIONS", "SECTION",
            "SECTIONS", "DETAIL", "DETAILS", "SCHEDULE", "SCHEDULES", "NOTES", "LEVEL", "FLOOR", "ROOF", "SITE",
            "FOUNDATION", "FRAMING", "POWER", "LIGHTING", "SIGNAL", "PLUMBING", "MECHANICAL", "ELECTRICAL",
            "COVER", "INDEX", "LEGEND", "DIAGRAM", "RISER", "CEILING", "REFLECTED", "ENLARGED");

    /** Scores at or above this make a number. */
    static final double MIN_SCORE = 1.2;

    public SheetId identify(PageContent content, double widthPt, double heightPt, int pageIndex) {
        List<Word> words = content.words();
        if (words.isEmpty()) {
            return SheetId.ofPage(pageIndex);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Word w : words) {
            counts.merge(clean(w.text()), 1, Integer::sum);
        }
        double medianSize = median(words);
        List<Word> labels = new ArrayList<>();
        for (Word w : words) {
            if (LABELS.contains(w.text().toUpperCase(Locale.ROOT))) {
                labels.add(w);
            }
        }
        Word best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Word w : words) {
            String t = clean(w.text());
            if (!NUMBER.matcher(t).matches() || NOT_A_NUMBER.matcher(t).matches()) {
                continue;
            }
            double score = position(w.box(), widthPt, heightPt)
                    + Math.min(w.size() / medianSize, 4) / 2
                    + (labelled(w, labels) ? 1 : 0)
                    - 0.6 * (counts.get(t) - 1);
            if (score > bestScore) {
                bestScore = score;
                best = w;
            }
        }
        if (best == null || bestScore < MIN_SCORE) {
            return SheetId.ofPage(pageIndex);
        }
        String number = clean(best.text());
        return new SheetId(number, title(best, content, widthPt, heightPt), pageIndex, SheetId.Source.TEXT, bestScore);
    }

    static String clean(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        while (!t.isEmpty() && ",;:)(".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    /** Title blocks sit bottom right, along the right edge or along the bottom edge. */
    static double position(Box b, double w, double h) {
        double cx = b.centerX() / w;
        double cy = b.centerY() / h;
        if (cx > 0.75 && cy > 0.75) {
            return 1.0;
        }
        if (cx > 0.85) {
            return 0.7;
        }
        if (cy > 0.88) {
            return 0.5;
        }
        return 0;
    }

    /** One of the label words (SHEET, NO., DWG) just above or to the left. */
    private static boolean labelled(Word number, List<Word> labels) {
        double reach = 6 * number.size();
        for (Word w : labels) {
            if (w == number) {
                continue;
            }
            double dx = number.box().x() - w.box().right();
            double dy = number.box().y() - w.box().bottom();
            boolean left = Math.abs(w.box().centerY() - number.box().centerY()) < number.size() && dx > -1 && dx < reach;
            boolean above = dy > -1 && dy < reach && w.box().x() < number.box().right() + reach
                    && w.box().right() > number.box().x() - reach;
            if (left || above) {
                return true;
            }
        }
        return false;
    }

    /**
     * The title: the largest multi-word line of mostly letters near the number in the title block, preferring
     * lines with drawing words (PLAN, ELEVATION, ...).
     */
    private static String title(Word number, PageContent content, double w, double h) {
        Map<Integer, List<Word>> lines = new HashMap<>();
        for (Word word : content.words()) {
            lines.computeIfAbsent(word.line(), k -> new ArrayList<>()).add(word);
        }
        double reach = Math.max(0.3 * Math.min(w, h), 40 * number.size());
        String best = null;
        double bestScore = 0;
        for (List<Word> line : lines.values()) {
            if (line.size() < 2 || line.contains(number)) {
                continue;
            }
            line.sort(Comparator.comparingDouble(Word::x0));
            Box box = line.get(0).box();
            int letters = 0;
            int chars = 0;
            boolean drawingWord = false;
            StringBuilder text = new StringBuilder();
            for (Word word : line) {
                box = box.union(word.box());
                for (char c : word.text().toCharArray()) {
                    chars++;
                    if (Character.isLetter(c)) {
                        letters++;
                    }
                }
                drawingWord |= TITLE_WORDS.contains(clean(word.text()));
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(word.text());
            }
            double distance = Math.hypot(box.centerX() - number.box().centerX(), box.centerY() - number.box().centerY());
            if (distance > reach || letters < 0.6 * chars || text.length() > 90 || position(box, w, h) == 0) {
                continue;
            }
            double score = line.get(0).size() * (drawingWord ? 2 : 1) / (1 + distance / reach);
            if (score > bestScore) {
                bestScore = score;
                best = text.toString();
            }
        }
        return best;
    }

    private static double median(List<Word> words) {
        double[] sizes = new double[words.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = words.get(i).size();
        }
        java.util.Arrays.sort(sizes);
        return Math.max(0.1, sizes[sizes.length / 2]);
    }
}
