package com.buildtrace.api.comparison;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A comparison as the API shows it.
 *
 * @param id its id
 * @param projectId its project
 * @param status queued (also while a restart or retry waits for its turn), running, completed, failed or cancelled
 * @param oldRevision the earlier revision
 * @param newRevision the later revision
 * @param trigger what launched it: api, upload (compare on upload) or schedule
 * @param requestedBy who launched it
 * @param progress sheets done of sheets planned
 * @param counts sheets by result: changed, unchanged, added, removed, failed
 * @param error why it failed, or null
 * @param createdAt when it was requested
 * @param startedAt when it first started running
 * @param finishedAt when it ended
 * @param durationSeconds from start to end (or to now while running)
 * @param thumbnailUrl the thumbnail of its most changed sheet, once there is one
 * @param links where its parts are
 * @param sheets per-sheet status (on a single comparison; empty in lists)
 */
public record ComparisonView(UUID id, UUID projectId, String status, RevisionRef oldRevision,
                             RevisionRef newRevision, String trigger, String requestedBy, Progress progress,
                             Map<String, Integer> counts, String error, OffsetDateTime createdAt,
                             OffsetDateTime startedAt, OffsetDateTime finishedAt, Double durationSeconds,
                             String thumbnailUrl, Map<String, String> links, List<SheetStatus> sheets) {

    /**
     * A revision a comparison compares.
     *
     * @param id its id
     * @param setId its drawing set
     * @param setName the set's name
     * @param label its label
     */
    public record RevisionRef(UUID id, UUID setId, String setName, String label) {
    }

    /**
     * How far a comparison is.
     *
     * @param sheetsDone sheet tasks finished (compared, or failed alone)
     * @param sheetsTotal sheet tasks planned (0 until the sets are paired)
     * @param percent done of total, 0 to 100
     */
    public record Progress(int sheetsDone, int sheetsTotal, int percent) {
    }

    /**
     * A sheet task's status.
     *
     * @param index its index (the {n} of {@code /sheets/{n}})
     * @param label the sheet as people call it
     * @param status changed, unchanged, added, removed, failed, or pending
     * @param regions change regions found
     * @param textChanges text changes found
     * @param error why it failed, naming the file and page
     */
    public record SheetStatus(int index, String label, String status, int regions, int textChanges, String error) {
    }
}
