-- Notifications of comparison events to project members, each by their own choice: which events, and by
-- e-mail (to their account's address) and/or Slack (an incoming-webhook URL of theirs). Deliveries are an outbox
-- worked like webhook_delivery (V10): retried with backoff, every attempt logged.

-- A member's choice for one project. Deleted when they are no longer a member.
CREATE TABLE notification_preference (
    project_id            UUID         NOT NULL REFERENCES project (id),
    user_id               TEXT         NOT NULL REFERENCES app_user (id),
    events                TEXT[]       NOT NULL,   -- comparison.completed, comparison.failed
    only_when_changed     BOOLEAN      NOT NULL DEFAULT false,  -- completed: only when sheets changed, were added or removed
    email_since           TIMESTAMPTZ,             -- e-mail on since then (comparisons that ended after it); null: off
    slack_url             TEXT,                    -- the Slack incoming webhook (a credential: never shown whole); null: off
    slack_since           TIMESTAMPTZ,             -- Slack on since then (or since the URL changed)
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, user_id),
    CHECK ((slack_url IS NULL) = (slack_since IS NULL))
);

-- One message to one member on one channel; the outbox the notification worker reads.
CREATE TABLE notification_delivery (
    id                    UUID         PRIMARY KEY,
    project_id            UUID         NOT NULL REFERENCES project (id),
    user_id               TEXT         NOT NULL REFERENCES app_user (id),
    channel               VARCHAR(5)   NOT NULL CHECK (channel IN ('email', 'slack')),
    event                 VARCHAR(40)  NOT NULL,   -- comparison.completed | comparison.failed | test
    comparison_id         UUID         REFERENCES comparison (id) ON DELETE CASCADE,
    recipient             TEXT         NOT NULL,   -- the e-mail address, or the Slack URL
    subject               TEXT         NOT NULL,   -- the e-mail's subject; Slack: the message's headline
    payload               TEXT         NOT NULL,   -- e-mail: JSON of to, subject, text, html; Slack: the Block Kit message
    status                VARCHAR(10)  NOT NULL,   -- pending | delivered | failed | cancelled
    attempts              INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at       TIMESTAMPTZ,
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finished_at           TIMESTAMPTZ,
    note                  TEXT                     -- why it was cancelled
);

-- A comparison's end is sent once per member, channel and event.
CREATE UNIQUE INDEX notification_delivery_once ON notification_delivery (user_id, comparison_id, channel, event)
    WHERE comparison_id IS NOT NULL;
CREATE INDEX notification_delivery_due ON notification_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_delivery_user ON notification_delivery (project_id, user_id, created_at DESC);

CREATE TABLE notification_attempt (
    id                    BIGSERIAL    PRIMARY KEY,
    delivery_id           UUID         NOT NULL REFERENCES notification_delivery (id) ON DELETE CASCADE,
    attempt               INTEGER      NOT NULL,
    at                    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    status_code           INTEGER,                 -- the Slack answer's HTTP status; null for e-mail
    duration_ms           BIGINT       NOT NULL,
    error                 TEXT
);

CREATE INDEX notification_attempt_delivery ON notification_attempt (delivery_id, attempt);
