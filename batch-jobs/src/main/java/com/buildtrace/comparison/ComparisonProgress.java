package com.buildtrace.comparison;

import java.util.List;
import java.util.UUID;

/**
 * How far a comparison is.
 *
 * @param id the comparison
 * @param status its status
 * @param total sheet tasks planned (0 before planning)
 * @param done sheet tasks whose partition completed
 * @param sheets one entry per finished sheet task
 */
public record ComparisonProgress(UUID id, String status, int total, int done, List<Sheet> sheets) {

    /**
     * A finished sheet task.
     *
     * @param taskIndex its index in the plan
     * @param label the sheet as people call it (its number, else its page)
     * @param status changed, unchanged, added, removed or failed
     * @param regions change regions found
     * @param textChanges text changes found
     * @param error why it failed, or null
     * @param attempts how many times it was computed
     */
    public record Sheet(int taskIndex, String label, String status, int regions, int textChanges, String error,
                        int attempts) {
    }

    public ComparisonProgress {
        sheets = List.copyOf(sheets);
    }
}
