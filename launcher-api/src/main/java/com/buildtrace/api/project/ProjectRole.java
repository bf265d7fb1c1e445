package com.buildtrace.api.project;

import java.util.Locale;

/**
 * What a member may do in a project. Each role includes the ones below it: a viewer reads everything of the
 * project; an editor also uploads, creates drawing sets, launches, cancels and restarts comparisons and changes
 * the project's name and settings; an owner also manages members and deletes the project.
 */
public enum ProjectRole {

    VIEWER, EDITOR, OWNER;

    /** True when this role includes {@code other}. */
    public boolean includes(ProjectRole other) {
        return compareTo(other) >= 0;
    }

    /** The role's name as stored and shown: owner, editor or viewer. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException for anything but owner, editor or viewer (any case)
     */
    public static ProjectRole of(String value) {
        for (ProjectRole r : values()) {
            if (r.value().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException("role must be owner, editor or viewer, not '" + value + "'");
    }
}
