package com.buildtrace.summary;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** Who wrote a summary, or a part of one. */
public enum SummarySource {
    /** A language model, from the detected changes and crops of the overlay. */
    @JsonProperty("ai")
    AI,

    /** Computed from the detected changes alone: not written by an AI. */
    @JsonProperty("deterministic")
    DETERMINISTIC,

    /** A person changed an earlier version. */
    @JsonProperty("edited")
    EDITED;

    /** The name as written in JSON and the database. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
