package com.buildtrace.summary;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** What a summarized change did. */
public enum ChangeType {
    @JsonProperty("added")
    ADDED,
    @JsonProperty("removed")
    REMOVED,
    @JsonProperty("modified")
    MODIFIED;

    /** The name as written in JSON and the database. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
