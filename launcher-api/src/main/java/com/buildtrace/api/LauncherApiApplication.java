package com.buildtrace.api;

import com.buildtrace.BatchJobsApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The launcher API: stores uploaded drawing sets, launches {@code compareDrawingsJob} on them and serves
 * history and results from the same database. The batch pipeline's beans (job, job repository, database,
 * drawing store, worker launchers) come from the batch-jobs module; its command line does not.
 */
@SpringBootApplication
@ComponentScan(basePackages = "com.buildtrace", excludeFilters = {
        // what @SpringBootApplication's own scan leaves out (auto-configurations; test configurations)
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = BatchJobsApplication.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "com\\.buildtrace\\.cli\\..*")})
@EnableScheduling
public class LauncherApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(LauncherApiApplication.class, args);
    }
}
