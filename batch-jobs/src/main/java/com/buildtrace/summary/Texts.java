package com.buildtrace.summary;

/** Checks of the text fields of summaries. */
final class Texts {

    private Texts() {
    }

    /** The text, which must not be blank. */
    static String require(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return text;
    }
}
