/**
 * The launcher API application: {@code /api/v1} for projects ({@code project}), drawing sets and their
 * revisions ({@code drawingset}), comparisons ({@code comparison}) and scheduled comparisons
 * ({@code schedule}); errors, caller identity and settings in {@code system}.
 */
package com.buildtrace.api;
