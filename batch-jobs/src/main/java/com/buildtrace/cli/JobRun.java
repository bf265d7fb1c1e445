package com.buildtrace.cli;

import com.buildtrace.compare.PageComparison;
import com.buildtrace.compare.PageStatus;
import com.buildtrace.compare.SetPlan;
import com.buildtrace.comparison.Comparison;
import com.buildtrace.comparison.ComparisonProgress;
import com.buildtrace.comparison.ComparisonStore;
import com.buildtrace.job.ComparisonException;
import com.buildtrace.job.ComparisonJobListener;
import com.buildtrace.job.ComparisonLauncher;
import com.buildtrace.storage.SetFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs one comparison job from the command line (compare, resume, retry): shows progress from the database
 * while the job runs, then the outcome, and gives the exit code.
 */
final class JobRun {

    /** Runs the job in the given launcher. */
    @FunctionalInterface
    interface Action {
        JobExecution run(ComparisonLauncher launcher) throws Exception;
    }

    private final PrintWriter out;

    private final PrintWriter err;

    private final boolean quiet;

    private final boolean timings;

    JobRun(PrintWriter out, PrintWriter err, boolean quiet, boolean timings) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
        this.timings = timings;
    }

    /**
     * @param task the task name of the run
     * @param out the comparison's output folder (null: as recorded for the comparison)
     * @param properties settings from the command line
     */
    /**
     * @param sheets how many sheets this run compares, when not all that are left (a retry; known once the
     *     action has started)
     */
    int run(UUID id, String task, Map<String, Object> properties, Path out, Supplier<Integer> sheets,
            Action action) {
        Progress progress = new Progress(err, quiet || System.console() == null ? Progress.Mode.LINES
                : Progress.Mode.BAR, quiet);
        long t0 = System.nanoTime();
        Map<String, Object> settings = new java.util.HashMap<>(properties);
        settings.put("buildtrace.log.console-exceptions", "%nopex");
        try (ConfigurableApplicationContext ctx = BatchContext.open(task, settings)) {
            ComparisonStore store = ctx.getBean(ComparisonStore.class);
            Path dir = out != null ? out
                    : store.find(id).flatMap(c -> SetFiles.localPath(c.outUri())).orElse(null);
            LogFile log = dir == null ? null : LogFile.attach(dir.resolve("logs").resolve("buildtrace.log"));
            try {
                return run(ctx, id, action, progress, sheets, t0);
            } finally {
                if (log != null) {
                    log.close();
                }
            }
        } catch (ComparisonException e) {
            progress.finish();
            err.println("buildtrace: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILED;
        } catch (Exception e) {
            progress.finish();
            err.println("buildtrace: comparison " + id + " could not run: " + rootMessage(e));
            err.flush();
            return ExitCodes.FAILED;
        }
    }

    private int run(ConfigurableApplicationContext ctx, UUID id, Action action, Progress progress,
                    Supplier<Integer> sheets, long t0) throws Exception {
        ComparisonStore store = ctx.getBean(ComparisonStore.class);
        progress.say("comparison " + id);
        Watcher watcher = new Watcher(store, id, progress, sheets);
        Thread thread = new Thread(watcher, "buildtrace-progress");
        thread.setDaemon(true);
        thread.start();
        JobExecution execution;
        try {
            execution = action.run(ctx.getBean(ComparisonLauncher.class));
        } finally {
            watcher.stop();
            thread.interrupt(); // wake it from its pause between polls
            thread.join(2000);
        }
        watcher.poll();
        progress.finish();
        return outcome(store, id, execution, (System.nanoTime() - t0) / 1e9);
    }

    private int outcome(ComparisonStore store, UUID id, JobExecution execution, double secs) {
        Comparison c = store.find(id).orElse(null);
        if (execution.getStatus() != BatchStatus.COMPLETED || c == null) {
            String why = c != null && c.error() != null ? c.error()
                    : ComparisonJobListener.reason(execution);
            err.println("buildtrace: " + why);
            if (c != null && c.sheetsTotal() != null) {
                err.println("buildtrace: comparison " + id + " stopped; the sheets compared so far are kept. "
                        + "Resume it with: buildtrace resume " + id);
            }
            err.flush();
            return ExitCodes.FAILED;
        }
        List<PageComparison> pages = store.results(id);
        String report = SetFiles.localPath(c.outUri()).map(p -> p.resolve("index.html").toString())
                .orElse(c.outUri() + "/index.html");
        out.println(String.format(Locale.ROOT,
                "%d sheets: %d changed, %d unchanged, %d added, %d removed%s in %.1f s. Report: %s",
                pages.size(), count(pages, PageStatus.CHANGED), count(pages, PageStatus.UNCHANGED),
                count(pages, PageStatus.ADDED), count(pages, PageStatus.REMOVED),
                count(pages, PageStatus.FAILED) > 0 ? ", " + count(pages, PageStatus.FAILED) + " FAILED" : "",
                secs, report));
        out.flush();
        if (timings) {
            SetPlan plan = store.plan(id);
            err.println("set: " + plan.stageMillis());
            pages.forEach(p -> err.println(p.label() + ": " + p.stageMillis()));
        }
        if (count(pages, PageStatus.FAILED) > 0) {
            pages.stream().filter(p -> p.error() != null)
                    .forEach(p -> err.println("buildtrace: " + p.label() + ": " + p.error()));
            err.println("buildtrace: once the file is fixed, compare the failed sheets again with: buildtrace retry "
                    + id + " --failed");
            err.flush();
            return ExitCodes.SOME_SHEETS_FAILED;
        }
        err.flush();
        return ExitCodes.OK;
    }

    private static long count(List<PageComparison> pages, PageStatus s) {
        return pages.stream().filter(p -> p.status() == s).count();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /** Polls the comparison's progress and reports each sheet once it is done. */
    private static final class Watcher implements Runnable {

        private final ComparisonStore store;

        private final UUID id;

        private final Progress progress;

        private final Set<String> seen = new HashSet<>();

        private volatile boolean running = true;

        private boolean paired;

        private int initial = -1;

        private int done;

        private final Supplier<Integer> sheets;

        Watcher(ComparisonStore store, UUID id, Progress progress, Supplier<Integer> sheets) {
            this.sheets = sheets;
            this.store = store;
            this.id = id;
            this.progress = progress;
        }

        @Override
        public void run() {
            while (running) {
                try {
                    poll();
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // not recorded yet, or the database is busy: the next poll tries again
                }
            }
        }

        void stop() {
            running = false;
        }

        synchronized void poll() {
            if (store.find(id).isEmpty()) {
                return;
            }
            ComparisonProgress p = store.progress(id);
            if (initial < 0) {
                // sheets done in an earlier run of this comparison are not news
                p.sheets().forEach(s -> seen.add(s.taskIndex() + ":" + s.attempts()));
                initial = p.sheets().size();
            }
            Integer again = sheets == null ? null : sheets.get();
            if (sheets != null && again == null) {
                return;
            }
            int toDo = again != null ? again : p.total() - initial;
            if (!paired && p.total() > 0) {
                paired = true;
                if (again != null) {
                    progress.say("comparing " + again + (again == 1 ? " sheet" : " sheets") + " again");
                } else {
                    progress.paired(p.total(), initial);
                }
            }
            for (ComparisonProgress.Sheet s : p.sheets()) {
                if (seen.add(s.taskIndex() + ":" + s.attempts())) {
                    String what = s.label() + " " + s.status() + (s.regions() == 0 ? "" : " (" + s.regions()
                            + " regions)");
                    progress.sheetDone(what, ++done, toDo);
                }
            }
        }
    }
}
