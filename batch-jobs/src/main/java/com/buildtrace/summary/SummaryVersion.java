package com.buildtrace.summary;

import com.buildtrace.ai.TokenUsage;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a comparison's summary history.
 *
 * @param comparisonId the comparison
 * @param version 1, 2, ... in the order they were made
 * @param kind ai, deterministic or edited
 * @param status completed, partial or failed
 * @param summary the summary, null when the attempt failed
 * @param model the model that wrote it, else null
 * @param usage tokens and estimated cost (a failed attempt's too)
 * @param error why it failed, or what fell back when partial; else null
 * @param basedOnVersion for an edit, the version it started from
 * @param createdBy "system", or the user who edited it
 * @param createdAt when it was made
 */
public record SummaryVersion(UUID comparisonId, int version, SummarySource kind, SummaryStatus status,
                             ChangeSummary summary, String model, TokenUsage usage, String error,
                             Integer basedOnVersion, String createdBy, OffsetDateTime createdAt) {

    /** Who made a summary that no person edited. */
    public static final String SYSTEM = "system";

    public SummaryVersion {
        Objects.requireNonNull(comparisonId, "comparisonId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        if ((status == SummaryStatus.FAILED) != (summary == null)) {
            throw new IllegalArgumentException("a failed attempt has no summary, and only a failed one");
        }
        Objects.requireNonNull(createdBy, "createdBy");
    }
}
