/**
 * Operations: the meters of the API (backlog of comparisons, sign-in failures, rate-limit rejections), the
 * drawing store's health for the readiness probe, and who may read {@code /actuator/prometheus}. The job's
 * own meters are in {@link com.buildtrace.metrics.BuildTraceMetrics}; dashboards and alerts that use them are
 * in {@code infra/monitoring/}.
 */
package com.buildtrace.api.monitoring;
