package com.buildtrace.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The console's encoder: Spring Boot's structured JSON ({@code ecs}, {@code logstash}, {@code gelf}) when a
 * format is given ({@code logging.structured.format.console}), else the pattern. The MDC keys of
 * {@link LogKeys} are fields of every JSON line. One logback file serves the command line (patterns on a
 * terminal) and the containers (JSON for the log collector).
 */
public class ConsoleEncoder extends EncoderBase<ILoggingEvent> {

    private String format = "";

    private String pattern = "";

    private Encoder<ILoggingEvent> delegate;

    /** @param format a structured format name; blank for the pattern */
    public void setFormat(String format) {
        this.format = format == null ? "" : format.strip();
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        if (format.isEmpty()) {
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setPattern(pattern);
            encoder.setCharset(StandardCharsets.UTF_8);
            delegate = encoder;
        } else {
            StructuredLogEncoder encoder = new StructuredLogEncoder();
            encoder.setFormat(format);
            encoder.setCharset(StandardCharsets.UTF_8);
            delegate = encoder;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
