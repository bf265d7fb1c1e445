package com.buildtrace.compare;

import com.buildtrace.compare.source.SheetSource;
import com.buildtrace.sheets.SheetId;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Both sets read and their sheets identified, before pairing.
 *
 * @param oldFile the old set
 * @param newFile the new set
 * @param oldSheets the old set's sheets (sizes, problems)
 * @param newSheets the new set's sheets
 * @param oldIds identity per old sheet; entries are null when identification waits for the comparison
 *     (one sheet against one)
 * @param newIds identity per new sheet, likewise
 * @param stageMillis time spent reading and identifying
 */
public record SetIngest(Path oldFile, Path newFile, List<SheetSource> oldSheets, List<SheetSource> newSheets,
                        List<SheetId> oldIds, List<SheetId> newIds, Map<String, Long> stageMillis) {

    public SetIngest {
        Objects.requireNonNull(oldFile, "oldFile");
        Objects.requireNonNull(newFile, "newFile");
        oldSheets = List.copyOf(oldSheets);
        newSheets = List.copyOf(newSheets);
        // identities may be null (to be read later), so no List.copyOf
        oldIds = Collections.unmodifiableList(new java.util.ArrayList<>(oldIds));
        newIds = Collections.unmodifiableList(new java.util.ArrayList<>(newIds));
        stageMillis = Collections.unmodifiableMap(new LinkedHashMap<>(stageMillis));
        if (oldIds.size() != oldSheets.size() || newIds.size() != newSheets.size()) {
            throw new IllegalArgumentException("one identity per sheet");
        }
    }
}
