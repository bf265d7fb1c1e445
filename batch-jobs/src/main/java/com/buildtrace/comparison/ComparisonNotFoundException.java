package com.buildtrace.comparison;

import java.util.UUID;

/** No comparison has this id (the API answers 404). */
public class ComparisonNotFoundException extends RuntimeException {

    public ComparisonNotFoundException(UUID id) {
        super("no comparison " + id);
    }
}
