package com.buildtrace.ai;

import com.openai.client.OpenAIClient;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The process's OpenAI client, built on first use from {@code buildtrace.ai.*} (whether a key is set is read
 * at run time, so that one build serves machines with and without a key).
 */
@Component
@EnableConfigurationProperties(AiProperties.class)
public class AiClient implements DisposableBean {

    private final AiProperties properties;

    private OpenAIClient client;

    public AiClient(AiProperties properties) {
        this.properties = properties;
    }

    public AiProperties properties() {
        return properties;
    }

    /** True when a key is set. */
    public boolean configured() {
        return properties.configured();
    }

    /**
     * The client.
     *
     * @throws AiNotConfiguredException when no key is set
     */
    public synchronized OpenAIClient client() {
        if (client == null) {
            client = OpenAiClients.create(properties);
        }
        return client;
    }

    @Override
    public synchronized void destroy() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
