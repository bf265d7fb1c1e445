package com.buildtrace.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The launcher API: uploads drawing sets, launches comparisons and serves their results.
 * <p>
 * Only the application shell exists so far; its endpoints come with the launcher API issue.
 */
@SpringBootApplication
public class LauncherApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(LauncherApiApplication.class, args);
    }
}
