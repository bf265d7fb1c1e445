package com.buildtrace.summary;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** How a summary attempt ended. */
public enum SummaryStatus {
    /** Every part written as intended. */
    @JsonProperty("completed")
    COMPLETED,

    /** Some sheets fell back to the deterministic summary (a request failed, or the budget ran out). */
    @JsonProperty("partial")
    PARTIAL,

    /** No summary came of it (history only): the reason is recorded, and it can be regenerated. */
    @JsonProperty("failed")
    FAILED;

    /** The name as written in JSON and the database. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
