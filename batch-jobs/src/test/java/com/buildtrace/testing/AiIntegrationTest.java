package com.buildtrace.testing;

import com.buildtrace.BatchJobsApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on the test database with its AI pointed at the JVM's {@link OpenAiMock} (one context for
 * every test class that extends this, so the application starts once). The mock is reset before each test.
 */
@SpringBootTest(classes = BatchJobsApplication.class)
public abstract class AiIntegrationTest {

    protected static final OpenAiMock MOCK = OpenAiMock.shared();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("buildtrace.ai.api-key", () -> "sk-test-0123456789");
        registry.add("buildtrace.ai.base-url", MOCK::baseUrl);
        registry.add("buildtrace.ai.max-retries", () -> "1");
    }

    @BeforeEach
    void resetMock() {
        MOCK.reset();
    }
}
