/**
 * The text-layer diff of a sheet pair: words of the old sheet, moved into the new sheet's frame, are matched
 * to the new sheet's words by text and position; what is left forms runs along text lines, and overlapping
 * old and new runs become replacements ({@code 12'-6"} to {@code 13'-0"}, a date, a note).
 */
package com.buildtrace.compare.text;
