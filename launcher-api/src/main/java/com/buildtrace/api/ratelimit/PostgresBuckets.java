package com.buildtrace.api.ratelimit;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Token buckets in PostgreSQL (table {@code rate_limit_bucket}), shared by every API instance: each request
 * locks its bucket's row ({@code SELECT ... FOR UPDATE}), computes on the state and writes it back, in one
 * transaction. Rows carry when their bucket will be full again, after which they can be deleted.
 */
final class PostgresBuckets extends AbstractSelectForUpdateBasedProxyManager<String> {

    private final DataSource dataSource;

    PostgresBuckets(DataSource dataSource, ClientSideConfig config) {
        super(config);
        this.dataSource = dataSource;
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
        return new SelectForUpdateBasedTransaction() {
            @Override
            public void begin(Optional<Long> timeout) {
                run(() -> connection.setAutoCommit(false));
            }

            @Override
            public LockAndGetResult tryLockAndGet(Optional<Long> timeout) {
                try (PreparedStatement s = connection.prepareStatement(
                        "SELECT state FROM rate_limit_bucket WHERE id = ? FOR UPDATE")) {
                    applyTimeout(s, timeout);
                    s.setString(1, key);
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() ? LockAndGetResult.locked(rs.getBytes(1)) : LockAndGetResult.notLocked();
                    }
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public boolean tryInsertEmptyData(Optional<Long> timeout) {
                try (PreparedStatement s = connection.prepareStatement(
                        "INSERT INTO rate_limit_bucket (id, state) VALUES (?, null) ON CONFLICT (id) DO NOTHING")) {
                    applyTimeout(s, timeout);
                    s.setString(1, key);
                    s.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public void update(byte[] data, RemoteBucketState state, Optional<Long> timeout) {
                long now = currentTimeNanos();
                Timestamp expires = getClientSideConfig().getExpirationAfterWriteStrategy()
                        .map(s -> new Timestamp(System.currentTimeMillis() + s.calculateTimeToLiveMillis(state, now)))
                        .orElse(null);
                try (PreparedStatement s = connection.prepareStatement(
                        "UPDATE rate_limit_bucket SET state = ?, expires_at = ? WHERE id = ?")) {
                    applyTimeout(s, timeout);
                    s.setBytes(1, data);
                    s.setTimestamp(2, expires);
                    s.setString(3, key);
                    s.executeUpdate();
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public void commit(Optional<Long> timeout) {
                run(connection::commit);
            }

            @Override
            public void rollback() {
                run(connection::rollback);
            }

            @Override
            public void release() {
                run(connection::close);
            }
        };
    }

    /** Rows carry when their bucket is full again ({@code expires_at}); housekeeping deletes them after. */
    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    public void removeProxy(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM rate_limit_bucket WHERE id = ?")) {
            s.setString(1, key);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }

    private interface SqlCall {
        void run() throws SQLException;
    }

    private static void run(SqlCall call) {
        try {
            call.run();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }
}
