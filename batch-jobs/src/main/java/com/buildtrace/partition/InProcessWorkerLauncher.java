package com.buildtrace.partition;

import com.buildtrace.logging.JobLogContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/** Runs partitions on threads of this process, at most {@code concurrency} at once (the default mode). */
public final class InProcessWorkerLauncher implements WorkerLauncher {

    private final Step workerStep;

    private final int concurrency;

    public InProcessWorkerLauncher(Step workerStep, int concurrency) {
        this.workerStep = workerStep;
        this.concurrency = concurrency;
    }

    @Override
    public Launch launch(WorkerRequest request, Collection<StepExecution> partitions) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, partitions.size())),
                r -> {
                    Thread t = new Thread(r, "buildtrace-partition-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        List<Future<?>> running = new ArrayList<>();
        CountDownLatch left = new CountDownLatch(partitions.size());
        for (StepExecution se : partitions) {
            running.add(pool.submit(() -> {
                try (AutoCloseable logContext = JobLogContext.partition(se)) {
                    workerStep.execute(se);
                } finally {
                    left.countDown();
                }
                return null;
            }));
        }
        pool.shutdown();
        return new Launch() {
            @Override
            public boolean alive() {
                return running.stream().anyMatch(f -> !f.isDone());
            }

            @Override
            public void cancel() {
                pool.shutdownNow();
            }

            @Override
            public void await(Duration max) throws InterruptedException {
                left.await(max.toMillis(), TimeUnit.MILLISECONDS);
            }
        };
    }
}
