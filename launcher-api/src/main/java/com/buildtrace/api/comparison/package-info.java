/**
 * Comparisons of two revisions: launched as {@code compareDrawingsJob} ({@link com.buildtrace.api.comparison.ComparisonRuns}),
 * listed, followed while they run, and their results, images and report served; cancel and restart.
 */
package com.buildtrace.api.comparison;
