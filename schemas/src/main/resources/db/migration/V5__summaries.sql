-- Change summaries (AI-written, deterministic or edited by a person) and chat about a comparison.

-- Every summary a comparison was given, in order: the current one is the latest that did not fail.
CREATE TABLE comparison_summary (
    comparison_id    UUID          NOT NULL REFERENCES comparison (id) ON DELETE CASCADE,
    version          INTEGER       NOT NULL CHECK (version >= 1),
    kind             VARCHAR(13)   NOT NULL CHECK (kind IN ('ai', 'deterministic', 'edited')),
    status           VARCHAR(9)    NOT NULL CHECK (status IN ('completed', 'partial', 'failed')),
    summary          JSONB,                  -- the summary (schemas/summary.schema.json less the version fields); null when failed
    model            TEXT,                   -- the model that wrote it, for kind ai
    requests         INTEGER       NOT NULL DEFAULT 0 CHECK (requests >= 0),  -- model requests answered
    input_tokens     INTEGER       NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
    output_tokens    INTEGER       NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
    cost_usd         NUMERIC(16,10) NOT NULL DEFAULT 0 CHECK (cost_usd >= 0),  -- estimated from the configured prices
    error            TEXT,                   -- why it failed (status failed), or what fell back (partial)
    based_on_version INTEGER,                -- an edit: the version it started from
    created_by       TEXT          NOT NULL, -- 'system', or the user who edited it
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (comparison_id, version),
    CHECK ((status = 'failed') = (summary IS NULL))
);

-- Questions about a comparison and the answers, per user.
CREATE TABLE chat_message (
    id               BIGSERIAL     PRIMARY KEY,
    comparison_id    UUID          NOT NULL REFERENCES comparison (id) ON DELETE CASCADE,
    user_id          TEXT          NOT NULL,
    role             VARCHAR(9)    NOT NULL CHECK (role IN ('user', 'assistant')),
    content          TEXT          NOT NULL,
    cited_sheets     JSONB         NOT NULL DEFAULT '[]',  -- ["A-101", ...]: sheets the answer cites
    cited_regions    JSONB         NOT NULL DEFAULT '[]',  -- [{"sheet": "A-101", "regionId": "r3"}, ...]
    model            TEXT,
    input_tokens     INTEGER       NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
    output_tokens    INTEGER       NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
    cost_usd         NUMERIC(16,10) NOT NULL DEFAULT 0 CHECK (cost_usd >= 0),
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE INDEX chat_message_thread ON chat_message (comparison_id, user_id, id);

-- Tokens and estimated cost spent on a comparison by summaries (failed attempts included) and chat: what the
-- per-comparison AI budget is checked against.
CREATE VIEW comparison_ai_usage AS
SELECT comparison_id, sum(input_tokens)::BIGINT AS input_tokens, sum(output_tokens)::BIGINT AS output_tokens,
       sum(cost_usd)::NUMERIC(16,10) AS cost_usd
FROM (SELECT comparison_id, input_tokens, output_tokens, cost_usd FROM comparison_summary
      UNION ALL
      SELECT comparison_id, input_tokens, output_tokens, cost_usd FROM chat_message) spent
GROUP BY comparison_id;
