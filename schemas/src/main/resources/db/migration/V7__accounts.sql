-- Accounts and security of the launcher API: users (Google sign-in or the development sign-in), project
-- members with roles, refresh tokens (hashed, in rotation families), revoked access tokens until they expire,
-- API keys (hashed, optionally scoped to projects), the activity log, sign-ins under way and rate-limit buckets.

CREATE TABLE app_user (
    id                   TEXT         PRIMARY KEY,   -- a UUID; 'local' for the user of the development sign-in
    email                TEXT         NOT NULL,
    name                 TEXT,
    google_subject       TEXT         UNIQUE,        -- the OIDC 'sub' of Google sign-in
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_sign_in_at      TIMESTAMPTZ
);

CREATE UNIQUE INDEX app_user_email ON app_user (lower(email));

-- the creators of projects made before accounts existed become users and owners of their projects
INSERT INTO app_user (id, email, name)
SELECT DISTINCT created_by, created_by || '@localhost', created_by FROM project;

CREATE TABLE project_member (
    project_id           UUID         NOT NULL REFERENCES project (id),
    user_id              TEXT         NOT NULL REFERENCES app_user (id),
    role                 VARCHAR(6)   NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
    added_by             TEXT,
    added_at             TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, user_id)
);

CREATE INDEX project_member_user ON project_member (user_id);

INSERT INTO project_member (project_id, user_id, role, added_by)
SELECT id, created_by, 'owner', created_by FROM project;

-- an invitation of an e-mail address that has no user yet: a membership from its first sign-in on
CREATE TABLE project_invitation (
    project_id           UUID         NOT NULL REFERENCES project (id),
    email                TEXT         NOT NULL,
    role                 VARCHAR(6)   NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
    invited_by           TEXT         NOT NULL,
    invited_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, email)              -- email stored lower-case
);

CREATE INDEX project_invitation_email ON project_invitation (email);

-- Refresh tokens: only their SHA-256 is kept. Each use replaces the token by a new one of the same family;
-- a token used a second time revokes its whole family.
CREATE TABLE refresh_token (
    id                   UUID         PRIMARY KEY,
    family_id            UUID         NOT NULL,
    user_id              TEXT         NOT NULL REFERENCES app_user (id),
    token_hash           CHAR(64)     NOT NULL UNIQUE,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at           TIMESTAMPTZ  NOT NULL,
    used_at              TIMESTAMPTZ,                -- rotated: replaced by a newer token of the family
    revoked_at           TIMESTAMPTZ
);

CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_expires ON refresh_token (expires_at);

-- access tokens revoked before they expire (by jti); rows are deleted once the token has expired anyway
CREATE TABLE revoked_access_token (
    jti                  UUID         PRIMARY KEY,
    user_id              TEXT         NOT NULL,
    expires_at           TIMESTAMPTZ  NOT NULL
);

CREATE TABLE api_key (
    id                   UUID         PRIMARY KEY,
    user_id              TEXT         NOT NULL REFERENCES app_user (id),
    name                 TEXT         NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    prefix               TEXT         NOT NULL,      -- the key's first characters, to recognise it in lists
    key_hash             CHAR(64)     NOT NULL UNIQUE,
    project_ids          UUID[],                     -- the projects it may reach; null: all of its user's
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_used_at         TIMESTAMPTZ,
    revoked_at           TIMESTAMPTZ
);

CREATE INDEX api_key_user ON api_key (user_id, created_at DESC);

-- Who may see a project, and with which role: a user through membership, an API key ('key:' || id) through
-- its user's membership, within the key's projects. ProjectAccess.VISIBLE looks principals up here.
CREATE VIEW project_principal AS
SELECT m.project_id, m.user_id AS principal, m.role
FROM project_member m
UNION ALL
SELECT m.project_id, 'key:' || k.id AS principal, m.role
FROM api_key k JOIN project_member m ON m.user_id = k.user_id
WHERE k.revoked_at IS NULL AND (k.project_ids IS NULL OR m.project_id = ANY (k.project_ids));

CREATE TABLE activity (
    id                   BIGSERIAL    PRIMARY KEY,
    project_id           UUID         REFERENCES project (id),   -- null: about the user alone (sign-in, keys)
    user_id              TEXT         NOT NULL,
    action               VARCHAR(40)  NOT NULL,
    detail               JSONB        NOT NULL DEFAULT '{}',
    ip                   TEXT,
    at                   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX activity_project ON activity (project_id, at DESC);
CREATE INDEX activity_user ON activity (user_id, at DESC);

-- Google sign-ins under way: the authorization request (state, PKCE verifier, nonce) between the redirect to
-- Google and the callback, so any API instance can finish the sign-in
CREATE TABLE oauth_login (
    state                TEXT         PRIMARY KEY,
    request              BYTEA        NOT NULL,
    expires_at           TIMESTAMPTZ  NOT NULL
);

-- token buckets of the rate limits when several API instances share them (buildtrace.rate-limit.store=postgres)
CREATE TABLE rate_limit_bucket (
    id                   TEXT         PRIMARY KEY,
    state                BYTEA,
    expires_at           TIMESTAMPTZ
);
