-- The product's own record of comparisons, next to the Spring Batch job repository (V1).
-- Per-sheet results are written idempotently, keyed by comparison and sheet task: a restarted comparison
-- rewrites a task it recomputes and never duplicates one.

CREATE TABLE comparison (
    id               UUID         PRIMARY KEY,
    old_uri          TEXT         NOT NULL,
    new_uri          TEXT         NOT NULL,
    out_uri          TEXT         NOT NULL,
    options          JSONB        NOT NULL,
    status           VARCHAR(12)  NOT NULL,  -- planned | running | completed | failed | stopped
    sheets_total     INTEGER,
    plan             JSONB,                  -- the sheet tasks: pairs, added and removed sheets
    summary          JSONB,                  -- set-level summary (deterministic, or AI-written later)
    error            TEXT,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    heartbeat_at     TIMESTAMPTZ,            -- refreshed while a process works on the comparison
    owner            TEXT                    -- that process, as host:pid
);

CREATE INDEX comparison_created ON comparison (created_at DESC);

-- Every sheet of both sets as identified from its title block.
CREATE TABLE comparison_sheet (
    comparison_id    UUID         NOT NULL REFERENCES comparison (id) ON DELETE CASCADE,
    side             VARCHAR(3)   NOT NULL CHECK (side IN ('old', 'new')),
    page_index       INTEGER      NOT NULL,
    identified       BOOLEAN      NOT NULL,  -- false: identified when compared (one sheet against one)
    sheet_number     TEXT,
    title            TEXT,
    width_pt         DOUBLE PRECISION NOT NULL,
    height_pt        DOUBLE PRECISION NOT NULL,
    problem          TEXT,
    PRIMARY KEY (comparison_id, side, page_index)
);

-- One row per sheet task (a compared pair, an added or a removed sheet).
CREATE TABLE sheet_pair_result (
    comparison_id    UUID         NOT NULL REFERENCES comparison (id) ON DELETE CASCADE,
    task_index       INTEGER      NOT NULL,
    kind             VARCHAR(8)   NOT NULL,  -- pair | added | removed
    old_page         INTEGER,
    new_page         INTEGER,
    sheet_number     TEXT,
    label            TEXT         NOT NULL,  -- the sheet as people call it: number, else page
    status           VARCHAR(10)  NOT NULL,  -- changed | unchanged | added | removed | failed
    regions          JSONB        NOT NULL,
    text_changes     JSONB        NOT NULL,
    alignment        JSONB,
    images           JSONB,
    page             JSONB        NOT NULL,  -- the whole page comparison, as the engine returned it
    error            TEXT,
    millis           BIGINT       NOT NULL,
    attempts         INTEGER      NOT NULL DEFAULT 1,  -- times the task was computed
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (comparison_id, task_index)
);

-- Files a comparison wrote: per task (task_index >= 0) or for the set (task_index = -1).
CREATE TABLE artifact (
    comparison_id    UUID         NOT NULL REFERENCES comparison (id) ON DELETE CASCADE,
    task_index       INTEGER      NOT NULL,
    kind             VARCHAR(16)  NOT NULL,  -- overlay | old | new | preview | thumbnail | result | report
    uri              TEXT         NOT NULL,
    bytes            BIGINT       NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (comparison_id, task_index, kind)
);

-- Which worker took which partition (a worker step execution): workers of a comparison share the list of
-- partitions and each runs those it claims first, so fast workers take more and none runs one twice.
CREATE TABLE partition_claim (
    step_execution_id BIGINT      PRIMARY KEY,
    job_execution_id  BIGINT      NOT NULL,
    worker            TEXT        NOT NULL,
    claimed_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX partition_claim_job ON partition_claim (job_execution_id);
