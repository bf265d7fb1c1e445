package com.buildtrace.api.outbox;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works an outbox: deliveries queued in a table are attempted when due, in batches whose rows are locked with
 * {@code FOR UPDATE SKIP LOCKED} (so several API processes share the work and none makes an attempt twice),
 * every attempt is logged, and a failed one is retried after the next of the retry delays; a delivery has one
 * attempt more than there are delays, then it has failed. Since the table is the queue, a restart loses
 * nothing, and the thing that queued a delivery (the end of a comparison) never waits for it or fails with it.
 *
 * @param <T> a delivery as the feature claims it
 */
public final class Outbox<T extends Outbox.Pending> {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    /** Most deliveries attempted in one transaction. */
    public static final int BATCH = 20;

    /** A delivery claimed for an attempt. */
    public interface Pending {

        /** Its id in the deliveries table. */
        UUID id();

        /** Attempts made before this one. */
        int attempts();
    }

    /**
     * What the feature of an outbox supplies.
     *
     * @param <T> a delivery as the feature claims it
     */
    public interface Channel<T extends Pending> {

        /**
         * At most {@code limit} pending deliveries that are due, locked: a {@code SELECT ... FOR UPDATE OF d SKIP
         * LOCKED} on the deliveries table, run inside the outbox's transaction.
         */
        List<T> due(int limit);

        /** Makes one attempt. */
        Outcome send(T delivery);

        /**
         * Called after an attempt was recorded, in the same transaction.
         *
         * @param gaveUp true when it failed and was the last attempt
         */
        default void attempted(T delivery, Outcome outcome, boolean gaveUp) {
        }
    }

    private final OutboxTables tables;

    private final List<Duration> retryDelays;

    private final Channel<T> channel;

    private final JdbcClient jdbc;

    private final TransactionTemplate tx;

    /**
     * @param retryDelays the waits before the second, third, ... attempt
     */
    public Outbox(OutboxTables tables, List<Duration> retryDelays, Channel<T> channel, JdbcClient jdbc,
                  PlatformTransactionManager transactions) {
        this.tables = tables;
        this.retryDelays = List.copyOf(retryDelays);
        this.channel = channel;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Attempts everything that is due, a batch per transaction; returns how many attempts were made. */
    public int drain() {
        int made = 0;
        int batch;
        do {
            batch = attemptDue();
            made += batch;
        } while (batch == BATCH);
        return made;
    }

    /** Makes the attempts that are due (at most a batch) in one transaction; returns how many. */
    public int attemptDue() {
        Integer made = tx.execute(status -> {
            List<T> due = channel.due(BATCH);
            due.forEach(this::attempt);
            return due.size();
        });
        return made == null ? 0 : made;
    }

    private void attempt(T d) {
        int attempt = d.attempts() + 1;
        long start = System.nanoTime();
        Outcome outcome;
        try {
            outcome = channel.send(d);
        } catch (RuntimeException e) {
            outcome = Outcome.failed(null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        jdbc.sql("INSERT INTO " + tables.attempts() + " (delivery_id, attempt, status_code, duration_ms, error) "
                + "VALUES (?, ?, ?, ?, ?)").params(d.id(), attempt, outcome.statusCode(), millis, outcome.error())
                .update();
        boolean gaveUp = false;
        if (outcome.ok()) {
            finish(d.id(), attempt, "delivered");
        } else if (attempt > retryDelays.size()) {
            gaveUp = true;
            finish(d.id(), attempt, "failed");
            LOG.info("{} {} failed after {} attempts: {}", tables.deliveries(), d.id(), attempt, outcome.error());
        } else {
            jdbc.sql("UPDATE " + tables.deliveries() + " SET attempts = ?, "
                            + "next_attempt_at = now() + ? * interval '1 millisecond' WHERE id = ?")
                    .params(attempt, retryDelays.get(attempt - 1).toMillis(), d.id()).update();
            LOG.info("{} {} attempt {} failed, retried in {}: {}", tables.deliveries(), d.id(), attempt,
                    retryDelays.get(attempt - 1), outcome.error());
        }
        channel.attempted(d, outcome, gaveUp);
    }

    private void finish(UUID id, int attempts, String status) {
        jdbc.sql("UPDATE " + tables.deliveries() + " SET status = ?, attempts = ?, finished_at = now(), "
                + "next_attempt_at = NULL WHERE id = ?").params(status, attempts, id).update();
    }
}
