/**
 * The database of the batch pipeline: an external PostgreSQL when configured (by its JDBC URL, or a Cloud SQL
 * instance reached through the Cloud SQL Java connector), else an embedded PostgreSQL whose data lives under the
 * user's home, so the quick start needs no install. Flyway applies the schema.
 */
package com.buildtrace.db;
