package com.buildtrace.comparison;

import com.buildtrace.compare.CompareOptions;
import java.time.OffsetDateTime;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A comparison as recorded.
 *
 * @param id the comparison id (the job's identifying parameter)
 * @param oldUri the old set
 * @param newUri the new set
 * @param outUri where results go
 * @param options comparison options as JSON
 * @param status planned, running, completed, failed or stopped
 * @param sheetsTotal number of sheet tasks once planned, else null
 * @param error why the comparison failed, or null
 * @param createdAt when it was first requested
 * @param startedAt when a run first started
 * @param finishedAt when it ended
 * @param heartbeatAt last sign of life of the process running it
 * @param owner that process, as host:pid
 */
public record Comparison(UUID id, String oldUri, String newUri, String outUri, String options, String status,
                         Integer sheetsTotal, String error, OffsetDateTime createdAt, OffsetDateTime startedAt,
                         OffsetDateTime finishedAt, OffsetDateTime heartbeatAt, String owner) {

    /** Statuses a comparison goes through. */
    public static final String PLANNED = "planned";

    public static final String RUNNING = "running";

    public static final String COMPLETED = "completed";

    public static final String FAILED = "failed";

    public static final String STOPPED = "stopped";

    /**
     * The options it was made with ({@link #options()}, as {@code JobRequest.optionsJson} wrote them), for this
     * many engine threads. Options recorded before tile pyramids could be turned off made them.
     */
    public CompareOptions compareOptions(int threads) {
        JsonNode o = ComparisonJson.MAPPER.readTree(options);
        return new CompareOptions(o.path("dpi").asDouble(), threads, o.path("bandMegapixels").asInt(),
                o.path("fullImages").asBoolean(), o.path("tilePyramids").asBoolean(true));
    }
}
