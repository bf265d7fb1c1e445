package com.buildtrace.compare.text;

import com.buildtrace.compare.geom.Box;
import java.util.Locale;
import java.util.Objects;

/**
 * A change of the text layer.
 *
 * @param kind added, removed or replaced
 * @param oldText the old words (null when added)
 * @param newText the new words (null when removed)
 * @param box where, in points of the new sheet (old words moved into its frame)
 * @param regionId the change region that shows it, or null
 */
public record TextChange(Kind kind, String oldText, String newText, Box box, String regionId) {

    /** Kind of text change. */
    public enum Kind {
        ADDED, REMOVED, REPLACED;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public TextChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(box, "box");
        if ((kind == Kind.ADDED) != (oldText == null) || (kind == Kind.REMOVED) != (newText == null)) {
            throw new IllegalArgumentException(kind + " needs " + (kind == Kind.ADDED ? "only new text"
                    : kind == Kind.REMOVED ? "only old text" : "old and new text"));
        }
    }

    /** The same change linked to a region. */
    public TextChange withRegion(String id) {
        return new TextChange(kind, oldText, newText, box, id);
    }
}
