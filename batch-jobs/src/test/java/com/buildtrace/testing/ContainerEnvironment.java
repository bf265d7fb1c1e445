package com.buildtrace.testing;

import java.util.Map;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * An environment made of these environment variables only, as a container started from a manifest sees them:
 * settings bound from it ({@code Binder.get(env)}) are what the application would bind in that container.
 */
public final class ContainerEnvironment {

    private ContainerEnvironment() {
    }

    public static StandardEnvironment of(Map<String, ?> variables) {
        StandardEnvironment env = new StandardEnvironment();
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) variables;
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, values));
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        return env;
    }
}
