/**
 * The application's own meters (Micrometer): comparisons, sheets and their stages, worker partitions, AI
 * tokens and cost. They are recorded at the job's edges (listener, tasklets, stores), never inside the
 * engine; the names are listed in {@link com.buildtrace.metrics.BuildTraceMetrics} and documented in
 * {@code infra/monitoring/README.md}.
 */
package com.buildtrace.metrics;
