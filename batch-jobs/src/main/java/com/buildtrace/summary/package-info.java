/**
 * The set-level summary of a comparison. Without an AI summarizer it is the deterministic one: counts by
 * status, the sheets ranked by amount of change, and the text changes verbatim.
 */
package com.buildtrace.summary;
