-- Projects, their drawing sets and the revisions uploaded to them (the launcher API), and the link from a
-- comparison to the two revisions it compares. Comparisons run from the command line on files have no
-- project and are not visible through the API.

CREATE TABLE project (
    id                   UUID         PRIMARY KEY,
    name                 TEXT         NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_by           TEXT         NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    deleted_at           TIMESTAMPTZ,              -- soft delete: hidden, kept for history
    compare_on_upload    BOOLEAN      NOT NULL DEFAULT false,  -- compare every new revision with the previous one
    compare_schedule     TEXT,                     -- cron: compare the latest two revisions of each set
    schedule_checked_at  TIMESTAMPTZ               -- last time the schedule was looked at
);

CREATE INDEX project_created ON project (created_at DESC) WHERE deleted_at IS NULL;

CREATE TABLE drawing_set (
    id                   UUID         PRIMARY KEY,
    project_id           UUID         NOT NULL REFERENCES project (id),
    name                 TEXT         NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_by           TEXT         NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX drawing_set_name ON drawing_set (project_id, lower(name));

-- One issue of a drawing set ("Rev B, issued 2026-03-02"): one or several files, in upload order.
CREATE TABLE revision (
    id                   UUID         PRIMARY KEY,
    set_id               UUID         NOT NULL REFERENCES drawing_set (id),
    project_id           UUID         NOT NULL REFERENCES project (id),
    seq                  INTEGER      NOT NULL,    -- 1, 2, 3 ... within the set, in upload order
    label                TEXT         NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    issued_on            DATE,
    note                 TEXT,
    files                INTEGER      NOT NULL,
    bytes                BIGINT       NOT NULL,
    pages                INTEGER,                  -- null when a file could not be read at upload
    sha256               CHAR(64)     NOT NULL,    -- over the files' digests in order: the same upload twice
    storage_prefix       TEXT         NOT NULL,    -- key prefix of its files in the drawing store
    created_by           TEXT         NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (set_id, seq)
);

CREATE INDEX revision_project ON revision (project_id, created_at DESC);
CREATE INDEX revision_sha256 ON revision (set_id, sha256);

CREATE TABLE revision_file (
    revision_id          UUID         NOT NULL REFERENCES revision (id) ON DELETE CASCADE,
    position             INTEGER      NOT NULL,
    original_name        TEXT         NOT NULL,    -- as uploaded, for downloads only; never part of a key
    media_type           TEXT         NOT NULL,    -- sniffed from the content
    bytes                BIGINT       NOT NULL,
    sha256               CHAR(64)     NOT NULL,
    pages                INTEGER,
    storage_key          TEXT         NOT NULL,
    PRIMARY KEY (revision_id, position)
);

CREATE INDEX revision_file_sha256 ON revision_file (sha256);

ALTER TABLE comparison
    ADD COLUMN project_id      UUID REFERENCES project (id),
    ADD COLUMN old_revision_id UUID REFERENCES revision (id),
    ADD COLUMN new_revision_id UUID REFERENCES revision (id),
    ADD COLUMN requested_by    TEXT,
    ADD COLUMN trigger         VARCHAR(10);   -- api | upload | schedule (null: command line)

-- a pair of revisions is compared once; asking again returns that comparison
CREATE UNIQUE INDEX comparison_revisions ON comparison (old_revision_id, new_revision_id)
    WHERE old_revision_id IS NOT NULL;
CREATE INDEX comparison_project_created ON comparison (project_id, created_at DESC);
