/**
 * Scheduled comparisons: projects with a cron schedule get the latest two revisions of each drawing set
 * compared at those times ({@link com.buildtrace.api.schedule.CompareScheduler}), by this process's own
 * scheduler or by an outside one (Kubernetes CronJob, Cloud Scheduler) calling {@code POST /api/v1/schedule/run}.
 */
package com.buildtrace.api.schedule;
