/**
 * The product's record of comparisons in PostgreSQL, beside the Spring Batch job repository: what was
 * compared, the identified sheets, the plan of sheet tasks, one result row per task (regions and text
 * changes as JSONB, written idempotently), the artifacts written, and progress.
 */
package com.buildtrace.comparison;
