package com.buildtrace.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a comparison will do: the two sets and one task per sheet (pairs in the new set's order, then added
 * and removed sheets).
 *
 * @param oldFile the old set
 * @param newFile the new set
 * @param oldSheets sheets in the old set
 * @param newSheets sheets in the new set
 * @param tasks one per sheet, numbered from 0 in this order
 * @param stageMillis time spent reading, identifying and pairing
 */
public record SetPlan(Path oldFile, Path newFile, int oldSheets, int newSheets, List<SheetTask> tasks,
                      Map<String, Long> stageMillis) {

    public SetPlan {
        Objects.requireNonNull(oldFile, "oldFile");
        Objects.requireNonNull(newFile, "newFile");
        tasks = List.copyOf(tasks);
        stageMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageMillis));
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).index() != i) {
                throw new IllegalArgumentException("tasks must be numbered 0.." + (tasks.size() - 1));
            }
        }
    }
}
