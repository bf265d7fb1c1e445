package com.buildtrace.summary;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** How much a change matters, least first. */
public enum Severity {
    @JsonProperty("low")
    LOW,
    @JsonProperty("medium")
    MEDIUM,
    @JsonProperty("high")
    HIGH,
    @JsonProperty("critical")
    CRITICAL;

    /** The name as written in JSON and the database. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
