package com.buildtrace.cli;

import com.buildtrace.BatchJobsApplication;
import java.util.TreeMap;
import java.util.Map;
import com.buildtrace.db.DatabaseServer;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/** The batch application, started for one command: database (embedded or external), job repository, jobs. */
final class BatchContext {

    private BatchContext() {
    }

    /**
     * @param task name of the task execution recorded for this run (compare, worker, ...)
     * @param properties settings from the command line (they win over the environment)
     */
    static ConfigurableApplicationContext open(String task, Map<String, Object> properties) {
        Map<String, Object> p = new TreeMap<>(properties);
        p.put("spring.cloud.task.name", "buildtrace-" + task);
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(BatchJobsApplication.class).main(BatchJobsApplication.class)
                .web(WebApplicationType.NONE).listeners(new BeforeLogging())
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args);
    }

    /** Lets an embedded database started ahead finish starting before the application sets up logging. */
    private static final class BeforeLogging
            implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            DatabaseServer.awaitEarlyStart();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
