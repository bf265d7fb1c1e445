package com.buildtrace.sheets;

import java.util.List;

/**
 * Which old sheet became which new sheet.
 *
 * @param pairs paired sheets, in new-set order
 * @param removed old sheets with no counterpart (0-based old indices)
 * @param added new sheets with no counterpart (0-based new indices)
 */
public record SheetPairing(List<Pair> pairs, List<Integer> removed, List<Integer> added) {

    /** How a pair was made. */
    public enum By {
        /** Both sets have one sheet: the user compares those two. */
        ONLY_SHEETS,
        /** Same sheet number. */
        NUMBER,
        /** Same content (sheet number missing, changed or ambiguous). */
        CONTENT,
        /** Same place in both sets, because one of the two sheets cannot be read. */
        POSITION
    }

    /**
     * @param oldIndex 0-based page in the old set
     * @param newIndex 0-based page in the new set
     * @param by how the pair was made
     * @param similarity content similarity 0..1 when paired by content, else NaN
     */
    public record Pair(int oldIndex, int newIndex, By by, double similarity) {
    }

    public SheetPairing {
        pairs = List.copyOf(pairs);
        removed = List.copyOf(removed);
        added = List.copyOf(added);
    }
}
