package com.buildtrace.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The comparison of two revisions of a drawing set.
 *
 * @param oldFile the old set
 * @param newFile the new set
 * @param oldName what people call the old set (a drawing set and its revision label); its file or folder name
 *     when null
 * @param newName what people call the new set, likewise
 * @param pages one entry per sheet: pairs in new-set order, then removed sheets
 * @param options settings used
 * @param millis wall time of the whole comparison
 * @param stageMillis milliseconds of the set-level stages (read, identify, pair, compare)
 */
public record SetComparison(Path oldFile, Path newFile, String oldName, String newName, List<PageComparison> pages,
                            CompareOptions options, long millis, Map<String, Long> stageMillis) {

    public SetComparison {
        Objects.requireNonNull(oldFile, "oldFile");
        Objects.requireNonNull(newFile, "newFile");
        oldName = oldName == null || oldName.isBlank() ? String.valueOf(oldFile.getFileName()) : oldName;
        newName = newName == null || newName.isBlank() ? String.valueOf(newFile.getFileName()) : newName;
        pages = List.copyOf(pages);
        stageMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageMillis));
    }

    /** Sheets with this status. */
    public long count(PageStatus status) {
        return pages.stream().filter(p -> p.status() == status).count();
    }
}
