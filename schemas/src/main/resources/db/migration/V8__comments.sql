-- Comments on a comparison: on the whole comparison, on one of its sheets, or on one change region of a sheet;
-- mentions name project members. Deleting keeps the row (hidden), so a thread keeps its shape.

CREATE TABLE comparison_comment (
    id               UUID         PRIMARY KEY,
    comparison_id    UUID         NOT NULL REFERENCES comparison (id) ON DELETE CASCADE,
    project_id       UUID         NOT NULL REFERENCES project (id),
    task_index       INTEGER,                -- the sheet (sheet task) it is about, or null for the comparison
    region_id        TEXT,                   -- the change region of that sheet, or null
    author           TEXT         NOT NULL,  -- user id
    body             TEXT         NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    mentions         TEXT[]       NOT NULL DEFAULT '{}',  -- user ids of the members it mentions
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    deleted_at       TIMESTAMPTZ,
    CHECK (region_id IS NULL OR task_index IS NOT NULL)
);

CREATE INDEX comparison_comment_thread ON comparison_comment (comparison_id, created_at);
