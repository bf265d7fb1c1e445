package com.buildtrace.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConsoleEncoderTests {

    @Test
    void writesOneEcsJsonLinePerEventWithTheComparisonTraceAndSheet() {
        ConsoleEncoder encoder = encoder("ecs");

        String line = new String(encoder.encode(event()), StandardCharsets.UTF_8);

        assertThat(line).endsWith("\n").doesNotContain("\n{");
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.get("message").asString()).isEqualTo("sheet A-102: changed in 840 ms");
        assertThat(json.get("log").get("level").asString()).isEqualTo("INFO");
        assertThat(json.get("service").get("name").asString()).isEqualTo("buildtrace-launcher-api");
        String text = json.toString();
        assertThat(text).contains("\"comparisonId\":\"7d1f6c1e-0000-4000-8000-000000000001\"",
                "\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"", "\"sheet\":\"A-102\"");
    }

    @Test
    void writesThePatternWithoutAFormat() {
        ConsoleEncoder encoder = encoder("");

        String line = new String(encoder.encode(event()), StandardCharsets.UTF_8);

        assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[main] c\\.b\\.job\\.Sheets - sheet A-102: "
                + "changed in 840 ms\\R");
    }

    private static ConsoleEncoder encoder(String format) {
        LoggerContext context = new LoggerContext();
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "buildtrace-launcher-api");
        context.putObject(Environment.class.getName(), environment);
        ConsoleEncoder encoder = new ConsoleEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{15} - %msg%n");
        encoder.start();
        return encoder;
    }

    private static LoggingEvent event() {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("test", context.getLogger("com.buildtrace.job.Sheets"), Level.INFO,
                "sheet {}: {} in {} ms", null, new Object[] {"A-102", "changed", 840});
        event.setThreadName("main");
        event.setMDCPropertyMap(Map.of(LogKeys.COMPARISON, "7d1f6c1e-0000-4000-8000-000000000001",
                LogKeys.TRACE, "4bf92f3577b34da6a3ce929d0e0e4736", LogKeys.SHEET, "A-102"));
        return event;
    }
}
