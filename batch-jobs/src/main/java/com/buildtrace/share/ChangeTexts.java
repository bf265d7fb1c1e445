package com.buildtrace.share;

import com.buildtrace.compare.diff.ChangeRegion;
import java.util.Locale;

/** How a change is put in words, the same in the annotated PDF and the triage files. */
public final class ChangeTexts {

    private ChangeTexts() {
    }

    /** "Modified r2: 34 × 12 pt at 410, 220 (from top left)". */
    public static String describe(ChangeRegion r) {
        String kind = r.kind().json();
        return String.format(Locale.ROOT, "%s %s: %.0f × %.0f pt at %.0f, %.0f pt from the top left",
                Character.toUpperCase(kind.charAt(0)) + kind.substring(1), r.id(), r.box().width(), r.box().height(),
                r.box().x(), r.box().y());
    }
}
