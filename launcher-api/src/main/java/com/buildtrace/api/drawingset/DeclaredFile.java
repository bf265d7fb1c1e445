package com.buildtrace.api.drawingset;

/** A file of a revision upload as announced: what its bytes must come to. */
public interface DeclaredFile {

    /** Its name as uploaded, without folders (for messages and downloads only). */
    String name();

    /** Its size; the bytes read must come to exactly this. */
    long size();

    /** The SHA-256 (hex) its bytes must have, or null when none was announced. */
    String sha256();
}
