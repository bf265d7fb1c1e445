package com.buildtrace.compare;

import com.buildtrace.compare.align.Alignment;
import com.buildtrace.compare.clouds.CloudAudit;
import com.buildtrace.compare.diff.ChangeRegion;
import com.buildtrace.compare.overlay.SheetImages;
import com.buildtrace.compare.text.TextChange;
import com.buildtrace.sheets.SheetId;
import com.buildtrace.sheets.SheetPairing;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome for one sheet: a compared pair, an added or removed sheet, or a failed pair.
 *
 * @param oldSheet identity in the old set (null when added, or when a new sheet with no counterpart failed)
 * @param newSheet identity in the new set (null when removed, or when an old sheet with no counterpart failed)
 * @param status what happened
 * @param pairedBy how the pair was made (null for added/removed)
 * @param oldSize displayed size of the old sheet [w, h] in points (null when added)
 * @param newSize displayed size of the new sheet (null when removed)
 * @param alignment old onto new (null unless compared)
 * @param regions change regions, points of the new sheet, in reading order
 * @param textChanges text-layer changes
 * @param images image files written (null when none)
 * @param dpi resolution the pair was compared at (0 when not compared)
 * @param changedAreaPt2 area of changed pixels, square points
 * @param error why the pair failed (file and page named), else null
 * @param millis time spent on this sheet
 * @param stageMillis milliseconds per stage (open, align, render, diff, overlay, png, regions, text)
 * @param cloudAudit the sheet's revision clouds and the changes they miss (compared pairs only; else null)
 */
public record PageComparison(SheetId oldSheet, SheetId newSheet, PageStatus status, SheetPairing.By pairedBy,
                             double[] oldSize, double[] newSize, Alignment alignment, List<ChangeRegion> regions,
                             List<TextChange> textChanges, SheetImages images, double dpi, double changedAreaPt2,
                             String error, long millis, Map<String, Long> stageMillis, CloudAudit cloudAudit) {

    /** A page comparison without a cloud audit. */
    public PageComparison(SheetId oldSheet, SheetId newSheet, PageStatus status, SheetPairing.By pairedBy,
                          double[] oldSize, double[] newSize, Alignment alignment, List<ChangeRegion> regions,
                          List<TextChange> textChanges, SheetImages images, double dpi, double changedAreaPt2,
                          String error, long millis, Map<String, Long> stageMillis) {
        this(oldSheet, newSheet, status, pairedBy, oldSize, newSize, alignment, regions, textChanges, images, dpi,
                changedAreaPt2, error, millis, stageMillis, null);
    }

    public PageComparison {
        Objects.requireNonNull(status, "status");
        regions = List.copyOf(regions);
        textChanges = List.copyOf(textChanges);
        stageMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageMillis));
        if (oldSheet == null && newSheet == null) {
            throw new IllegalArgumentException("a page comparison concerns at least one sheet");
        }
        if ((status == PageStatus.FAILED) != (error != null)) {
            throw new IllegalArgumentException("a failed page has an error, and only a failed page");
        }
    }

    /** The same comparison with its cloud audit. */
    public PageComparison withCloudAudit(CloudAudit audit) {
        return new PageComparison(oldSheet, newSheet, status, pairedBy, oldSize, newSize, alignment, regions,
                textChanges, images, dpi, changedAreaPt2, error, millis, stageMillis, audit);
    }

    /** 0-based old page, or null. */
    public Integer oldPage() {
        return oldSheet == null ? null : oldSheet.pageIndex();
    }

    /** 0-based new page, or null. */
    public Integer newPage() {
        return newSheet == null ? null : newSheet.pageIndex();
    }

    /** The sheet's label for people: the new number, else the old one, else the page. */
    public String label() {
        SheetId id = newSheet != null ? newSheet : oldSheet;
        if (newSheet != null && newSheet.number() == null && oldSheet != null && oldSheet.number() != null) {
            id = oldSheet;
        }
        return id.label();
    }

    /** True when the pair was paired but its numbers differ (renumbered sheet). */
    public boolean renumbered() {
        return oldSheet != null && newSheet != null && oldSheet.number() != null && newSheet.number() != null
                && !oldSheet.number().equals(newSheet.number());
    }
}
