/**
 * Logging: the console encoder that writes JSON lines (Spring Boot's structured logging) when
 * {@code logging.structured.format.console} is set, else the pattern, and the keys a job's lines carry
 * ({@link com.buildtrace.logging.LogKeys}).
 */
package com.buildtrace.logging;
