package com.buildtrace.storage;

import com.google.cloud.storage.Storage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link DrawingStore} that {@code buildtrace.storage.kind} selects, and the job's local copies of it
 * ({@link SetFiles}, {@link OutputStaging}).
 * <p>
 * The kind is read when the store is made, not by a bean condition, so that ahead-of-time bean definitions
 * made with the default (local) still choose at run time. The Cloud Storage client is the one Spring Cloud GCP
 * configures ({@code spring.cloud.gcp.*}); {@link GcsAutoConfigurationSwitch} switches that configuration off
 * unless the kind is {@code gcs}, so a local run never looks for Google credentials.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfiguration {

    @Bean
    DrawingStore drawingStore(StorageProperties properties, ObjectProvider<Storage> storage) {
        if (properties.kind().equals(StorageProperties.GCS)) {
            Storage client = storage.getIfAvailable(() -> {
                throw new IllegalStateException("buildtrace.storage.kind=gcs but there is no Cloud Storage client: "
                        + "spring.cloud.gcp.storage.enabled is false, or this run uses bean definitions made ahead "
                        + "of time for the local store (spring.aot.enabled=true); run without it");
            });
            return new GcsDrawingStore(client, properties.bucket());
        }
        return new LocalDrawingStore(properties.root());
    }

    @Bean
    SetFiles setFiles(DrawingStore store, StorageProperties properties) {
        return new SetFiles(store, properties.cache());
    }

    @Bean
    OutputStaging outputStaging(DrawingStore store, StorageProperties properties) {
        return new OutputStaging(store, properties.cache());
    }
}
