package com.buildtrace.api.system;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the items on this page
 * @param page this page's number, from 0
 * @param size the page size asked for
 * @param total items on every page together
 */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public PageOf {
        items = List.copyOf(items);
    }

    /** Checks page and size parameters (size 1 to 100). */
    public static void check(int page, int size) {
        if (page < 0) {
            throw ApiException.invalid("page must be 0 or more, not " + page);
        }
        if (size < 1 || size > 100) {
            throw ApiException.invalid("size must be between 1 and 100, not " + size);
        }
    }
}
