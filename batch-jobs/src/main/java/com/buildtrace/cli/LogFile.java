package com.buildtrace.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The full log of a comparison run (info level, stack traces) in a file next to its results. While it is
 * attached, the terminal leaves out what the batch framework logs about failed steps: the command reports
 * those itself, in one line each.
 */
final class LogFile implements AutoCloseable {

    private static final String BATCH = "org.springframework.batch";

    private final LoggerContext context;

    private final FileAppender<ILoggingEvent> appender;

    private final List<Appender<ILoggingEvent>> quietened = new ArrayList<>();

    private final Filter<ILoggingEvent> noBatch = new Filter<>() {
        @Override
        public FilterReply decide(ILoggingEvent event) {
            return event.getLoggerName().startsWith(BATCH) ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
    };

    private final Level batchLevel;

    private final Level ownLevel;

    private LogFile(LoggerContext context, FileAppender<ILoggingEvent> appender) {
        this.context = context;
        this.appender = appender;
        this.batchLevel = context.getLogger(BATCH).getLevel();
        this.ownLevel = context.getLogger("com.buildtrace").getLevel();
    }

    /** Starts writing the log to the file (appending); null when logging is not Logback. */
    static LogFile attach(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return null;
        }
        file.getParent().toFile().mkdirs();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        LogFile log = new LogFile(context, appender);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> console = it.next();
            console.addFilter(log.noBatch);
            log.quietened.add(console);
        }
        root.addAppender(appender);
        context.getLogger("com.buildtrace").setLevel(Level.INFO);
        context.getLogger(BATCH).setLevel(Level.INFO);
        return log;
    }

    @Override
    public void close() {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAppender(appender);
        appender.stop();
        for (Appender<ILoggingEvent> console : quietened) {
            List<Filter<ILoggingEvent>> kept = new ArrayList<>(console.getCopyOfAttachedFiltersList());
            kept.remove(noBatch);
            console.clearAllFilters();
            kept.forEach(console::addFilter);
        }
        context.getLogger(BATCH).setLevel(batchLevel);
        context.getLogger("com.buildtrace").setLevel(ownLevel);
    }
}
