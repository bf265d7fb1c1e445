package com.buildtrace.api.outbox;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two tables of an outbox. The deliveries table has at least {@code id UUID}, {@code status}
 * ({@code pending | delivered | failed | cancelled}), {@code attempts}, {@code next_attempt_at} and
 * {@code finished_at}; the attempts table {@code delivery_id}, {@code attempt}, {@code at},
 * {@code status_code}, {@code duration_ms} and {@code error} (see {@code webhook_delivery} and
 * {@code webhook_attempt} in migration V10).
 *
 * @param deliveries the deliveries table
 * @param attempts the attempts table
 */
public record OutboxTables(String deliveries, String attempts) {

    public OutboxTables {
        for (String table : new String[] {deliveries, attempts}) {
            if (table == null || !table.matches("[a-z_]{1,60}")) {
                throw new IllegalArgumentException("not a table name: " + table);
            }
        }
    }

    /** A delivery's attempts, first first. */
    public List<DeliveryAttempt> attemptsOf(JdbcClient jdbc, UUID delivery) {
        return jdbc.sql("SELECT attempt, at, status_code, duration_ms, error FROM " + attempts
                        + " WHERE delivery_id = ? ORDER BY attempt")
                .param(delivery)
                .query((rs, row) -> new DeliveryAttempt(rs.getInt(1), rs.getObject(2, OffsetDateTime.class),
                        (Integer) rs.getObject(3), rs.getLong(4), rs.getString(5))).list();
    }
}
