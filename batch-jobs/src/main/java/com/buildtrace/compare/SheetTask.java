package com.buildtrace.compare;

import com.buildtrace.sheets.SheetId;
import com.buildtrace.sheets.SheetPairing;
import java.util.Objects;

/**
 * One sheet's work in a comparison: a pair to compare, or an added or removed sheet to picture.
 *
 * @param index position in the plan, from 0
 * @param kind pair, added or removed
 * @param oldPage 0-based page in the old set (null when added)
 * @param newPage 0-based page in the new set (null when removed)
 * @param oldId identity of the old sheet; null when it is to be read while comparing (one sheet each)
 * @param newId identity of the new sheet; null likewise
 * @param pairedBy how the pair was made (null unless a pair)
 * @param dir folder of the task's images, relative to the output folder
 */
public record SheetTask(int index, Kind kind, Integer oldPage, Integer newPage, SheetId oldId, SheetId newId,
                        SheetPairing.By pairedBy, String dir) {

    /** What kind of work. */
    public enum Kind { PAIR, ADDED, REMOVED }

    public SheetTask {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dir, "dir");
        if ((kind != Kind.ADDED) != (oldPage != null) || (kind != Kind.REMOVED) != (newPage != null)) {
            throw new IllegalArgumentException(kind + " task with pages " + oldPage + ", " + newPage);
        }
    }
}
