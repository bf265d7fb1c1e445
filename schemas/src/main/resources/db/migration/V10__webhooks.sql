-- Per-project webhooks: an HTTP endpoint told when a comparison of the project completes or fails.
-- The secret is stored as is (not hashed): deliveries are signed with it (HMAC-SHA256), so it must be readable.

CREATE TABLE webhook (
    id                    UUID         PRIMARY KEY,
    project_id            UUID         NOT NULL REFERENCES project (id),
    url                   TEXT         NOT NULL,
    events                TEXT[]       NOT NULL,
    secret                TEXT         NOT NULL,
    enabled               BOOLEAN      NOT NULL DEFAULT true,
    consecutive_failures  INTEGER      NOT NULL DEFAULT 0,
    created_by            TEXT,
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    disabled_at           TIMESTAMPTZ,
    deleted_at            TIMESTAMPTZ
);

CREATE INDEX webhook_project ON webhook (project_id) WHERE deleted_at IS NULL;

-- One event to deliver to one webhook; retried until delivered or out of attempts (the outbox the worker reads).
CREATE TABLE webhook_delivery (
    id                    UUID         PRIMARY KEY,
    webhook_id            UUID         NOT NULL REFERENCES webhook (id),
    event                 VARCHAR(40)  NOT NULL,   -- comparison.completed | comparison.failed | ping
    comparison_id         UUID         REFERENCES comparison (id) ON DELETE CASCADE,
    payload               TEXT         NOT NULL,   -- the JSON body, exactly as sent on every attempt
    status                VARCHAR(10)  NOT NULL,   -- pending | delivered | failed
    attempts              INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at       TIMESTAMPTZ,
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finished_at           TIMESTAMPTZ
);

-- A comparison's end is delivered once per webhook and event.
CREATE UNIQUE INDEX webhook_delivery_once ON webhook_delivery (webhook_id, comparison_id, event)
    WHERE comparison_id IS NOT NULL;
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending';

-- Every attempt at a delivery: what the receiver answered, how long it took, or why it could not be reached.
CREATE TABLE webhook_attempt (
    id                    BIGSERIAL    PRIMARY KEY,
    delivery_id           UUID         NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    attempt               INTEGER      NOT NULL,
    at                    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    status_code           INTEGER,
    duration_ms           BIGINT       NOT NULL,
    error                 TEXT
);

CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, attempt);
