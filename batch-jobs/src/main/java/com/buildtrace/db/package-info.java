/**
 * The database of the batch pipeline: an external PostgreSQL when configured, else an embedded PostgreSQL
 * whose data lives under the user's home, so the quick start needs no install. Flyway applies the schema.
 */
package com.buildtrace.db;
