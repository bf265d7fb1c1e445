package com.buildtrace.storage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link DrawingStore} that {@code buildtrace.storage.kind} selects. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfiguration {

    @Bean
    @ConditionalOnProperty(name = "buildtrace.storage.kind", havingValue = "local", matchIfMissing = true)
    LocalDrawingStore localDrawingStore(StorageProperties properties) {
        return new LocalDrawingStore(properties.root());
    }
}
