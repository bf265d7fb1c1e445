package com.buildtrace.compare.align;

/** Finds the transform that puts the old sheet onto the new one. */
public interface PageAligner {

    /** Never throws for content reasons: an impossible alignment is returned as {@link Alignment#failed()}. */
    Alignment align(AlignmentInput oldSheet, AlignmentInput newSheet);
}
