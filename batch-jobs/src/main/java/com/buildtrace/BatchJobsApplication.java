package com.buildtrace;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.task.configuration.EnableTask;

/**
 * The batch pipeline: {@code compareDrawingsJob} on a PostgreSQL job repository, run as a Spring Cloud Task.
 * Started by the command line ({@code buildtrace compare}, {@code buildtrace worker}); the comparison engine
 * it runs is plain Java (package {@code com.buildtrace.compare}).
 */
@SpringBootApplication
@EnableTask
public class BatchJobsApplication {
}
