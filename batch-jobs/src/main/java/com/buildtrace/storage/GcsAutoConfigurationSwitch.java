package com.buildtrace.storage;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Spring Cloud GCP's core and Cloud Storage auto-configuration on only when {@code buildtrace.storage.kind} is
 * {@code gcs}. Left on, they look for Google credentials and the project id at start-up (environment, files,
 * then the metadata server of a Google Cloud machine) and log a warning when there are none: start-up time
 * and noise that a comparison on local files does not need. Explicit {@code spring.cloud.gcp.*.enabled}
 * settings win.
 */
public final class GcsAutoConfigurationSwitch implements EnvironmentPostProcessor {

    static final String SOURCE = "buildtraceStorageKind";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String kind = environment.getProperty("buildtrace.storage.kind", StorageProperties.LOCAL);
        String enabled = Boolean.toString(kind.trim().equals(StorageProperties.GCS));
        // last: below every other source, so only a default
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                "spring.cloud.gcp.core.enabled", enabled,
                "spring.cloud.gcp.storage.enabled", enabled)));
    }
}
