package com.buildtrace.testing;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The Cloud Storage client of tests: an in-memory bucket (google-cloud-nio) in place of the real client. Use
 * with {@code spring.cloud.gcp.core.enabled=false} and {@code spring.cloud.gcp.storage.enabled=false}, so no
 * credentials, project or metadata server are looked up.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeCloudStorage {

    @Bean
    Storage storage() {
        return LocalStorageHelper.getOptions().getService();
    }
}
