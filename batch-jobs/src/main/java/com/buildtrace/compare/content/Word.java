package com.buildtrace.compare.content;

import com.buildtrace.compare.geom.Box;
import java.awt.geom.AffineTransform;
import java.util.Objects;

/**
 * A word of a page's text layer, in displayed points.
 *
 * @param text the characters, without spaces
 * @param box the box around the glyphs
 * @param x0 baseline start x
 * @param y0 baseline start y
 * @param x1 baseline end x
 * @param y1 baseline end y
 * @param size font size as drawn (em height in points)
 * @param line index of the text line the word belongs to on its page, or -1 before lines are built
 */
public record Word(String text, Box box, double x0, double y0, double x1, double y1, double size, int line) {

    public Word {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(box, "box");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a word has at least one character");
        }
    }

    /** Direction of the baseline in degrees, 0 = left to right, 90 = top to bottom (y down). */
    public double angleDeg() {
        double dx = x1 - x0;
        double dy = y1 - y0;
        if (dx * dx + dy * dy < 1e-9) {
            return 0;
        }
        return Math.toDegrees(Math.atan2(dy, dx));
    }

    /** The same word on a line. */
    public Word withLine(int lineIndex) {
        return new Word(text, box, x0, y0, x1, y1, size, lineIndex);
    }

    /** The word moved by a transform (e.g. old sheet into the new sheet's frame). */
    public Word transformed(AffineTransform t) {
        double[] p = {x0, y0, x1, y1};
        t.transform(p, 0, p, 0, 2);
        double scale = Math.sqrt(Math.abs(t.getDeterminant()));
        return new Word(text, com.buildtrace.compare.geom.Transforms.map(t, box), p[0], p[1], p[2], p[3],
                size * scale, line);
    }
}
