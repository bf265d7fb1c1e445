package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LauncherApiApplicationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    RestClient.Builder restClient;

    @Test
    void healthEndpointAnswersUp() {
        String body = restClient.baseUrl("http://localhost:" + port).build()
                .get().uri("/actuator/health").retrieve().body(String.class);

        assertThat(body).contains("\"status\":\"UP\"");
    }
}
