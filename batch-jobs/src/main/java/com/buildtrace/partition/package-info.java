/**
 * Scaling a comparison out: a partition handler of our own (Spring Cloud Task 5 no longer has one) that
 * creates the worker step executions, hands them to a {@link com.buildtrace.partition.WorkerLauncher}
 * (threads of this process, local processes, a Kubernetes Indexed Job or a Cloud Run Job) and polls the
 * shared job repository until every partition has ended. Workers find their step executions by id in the
 * same repository and run them with {@link com.buildtrace.partition.WorkerRunner}.
 */
package com.buildtrace.partition;
