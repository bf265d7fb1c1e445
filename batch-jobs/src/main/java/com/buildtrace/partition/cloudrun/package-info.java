/**
 * Workers as the tasks of a Cloud Run Job execution (Cloud Run Admin API v2 over HTTP/JSON): the job is
 * deployed once, each comparison run executes it with overrides and watches the execution.
 */
package com.buildtrace.partition.cloudrun;
