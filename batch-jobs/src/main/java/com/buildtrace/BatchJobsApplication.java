package com.buildtrace;

import org.springframework.boot.SpringApplication;
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

    /**
     * Starts the application without running a command: what ahead-of-time processing runs at build time to
     * record the bean definitions. People use {@code com.buildtrace.cli.BuildTraceCli}.
     */
    public static void main(String[] args) {
        SpringApplication.run(BatchJobsApplication.class, args);
    }
}
