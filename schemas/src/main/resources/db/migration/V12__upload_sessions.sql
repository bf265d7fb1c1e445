-- Resumable uploads of a revision: a session announces the files (name, size, optional SHA-256, in sheet order),
-- the client sends each file in chunks, any API instance takes any chunk, and completing the session makes the
-- revision exactly as a one-request upload does. The bytes received so far are chunk objects in the drawing
-- store (uploads/{session}/...), one row each here; what a file has received is the end of its last chunk.

CREATE TABLE upload_session (
    id                    UUID         PRIMARY KEY,
    project_id            UUID         NOT NULL REFERENCES project (id),
    set_id                UUID         NOT NULL REFERENCES drawing_set (id),
    label                 TEXT         NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    issued_on             DATE,
    note                  TEXT,
    chunk_bytes           INTEGER      NOT NULL CHECK (chunk_bytes > 0),   -- the largest chunk a client may send
    state                 VARCHAR(10)  NOT NULL DEFAULT 'open',          -- open | completed
    completing_since      TIMESTAMPTZ,              -- an instance is making the revision (a claim, taken over when stale)
    revision_id           UUID         REFERENCES revision (id) ON DELETE SET NULL,   -- once completed
    created_by            TEXT         NOT NULL,
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),   -- last chunk received
    expires_at            TIMESTAMPTZ  NOT NULL               -- idle expiry: housekeeping deletes it and its bytes
);

CREATE INDEX upload_session_project ON upload_session (project_id, created_at) WHERE state = 'open';
CREATE INDEX upload_session_expiry ON upload_session (expires_at);

CREATE TABLE upload_file (
    session_id            UUID         NOT NULL REFERENCES upload_session (id) ON DELETE CASCADE,
    position              INTEGER      NOT NULL,    -- 0, 1, ... the order of the revision's files
    name                  TEXT         NOT NULL,
    bytes                 BIGINT       NOT NULL CHECK (bytes > 0),
    sha256                CHAR(64),                 -- as the client declared it; checked on completion
    received              BIGINT       NOT NULL DEFAULT 0 CHECK (received BETWEEN 0 AND bytes),
    PRIMARY KEY (session_id, position)
);

CREATE TABLE upload_chunk (
    session_id            UUID         NOT NULL,
    position              INTEGER      NOT NULL,
    start_offset          BIGINT       NOT NULL,
    length                BIGINT       NOT NULL CHECK (length > 0),
    storage_key           TEXT         NOT NULL,
    PRIMARY KEY (session_id, position, start_offset),
    FOREIGN KEY (session_id, position) REFERENCES upload_file (session_id, position) ON DELETE CASCADE
);
