package com.buildtrace.storage;

import java.io.IOException;

/**
 * A stored drawing set is no longer what its comparison started with, so that comparing the rest of it would
 * mix two revisions.
 */
public class SetChangedException extends IOException {

    /**
     * @param uri the set
     * @param what what changed, e.g. "002.pdf was replaced"
     */
    public SetChangedException(String uri, String what) {
        super(uri + " changed since the comparison started (" + what + "); start a new comparison of it");
    }
}
