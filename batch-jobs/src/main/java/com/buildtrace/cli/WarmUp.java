package com.buildtrace.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.buildtrace.compare.raster.OpenCv;
import com.buildtrace.db.DatabaseProperties;
import com.buildtrace.db.DatabaseServer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

/**
 * What the local commands do before they parse their arguments, kept out of {@link BuildTraceCli} so that
 * {@code buildtrace remote} loads none of it (logging, Spring, the database, OpenCV).
 */
final class WarmUp {

    /** PDFBox reports recoverable oddities of real-world PDFs through java.util.logging; held to keep its level. */
    private static final java.util.logging.Logger PDFBOX = java.util.logging.Logger.getLogger("org.apache");

    private WarmUp() {
    }

    /**
     * Quiets PDFBox, then starts, on other threads, what the command will need and would otherwise wait for in
     * turn: the embedded database (while the application context starts) and OpenCV's native library.
     */
    static void start(String[] args) {
        PDFBOX.setLevel(java.util.logging.Level.SEVERE);
        List<String> list = Arrays.asList(args);
        if (list.isEmpty() || list.contains("-h") || list.contains("--help") || list.contains("-V")
                || list.contains("--version")) {
            return;
        }
        String command = list.get(0);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logs) {
            // until the application configures logging: warnings only, as after
            logs.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
        if (Set.of("compare", "resume", "retry", "history", "status", "package").contains(command)) {
            DatabaseServer.startEarly(Binder.get(new StandardEnvironment()).bind("buildtrace.db", DatabaseProperties.class)
                    .orElseGet(() -> new DatabaseProperties(null, null, null, null)));
        }
        if (Set.of("compare", "resume", "retry", "worker").contains(command)) {
            Thread t = new Thread(OpenCv::ensureLoaded, "buildtrace-opencv-load");
            t.setDaemon(true);
            t.start();
        }
    }
}
