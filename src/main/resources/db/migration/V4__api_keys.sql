-- OneRoster consumers (LMSs, apps) authenticate as API keys with OAuth 2.0 client credentials.
-- Secrets are stored hashed; a key may be bound to orgs, and then sees only their records.
CREATE TABLE api_key (
    id                uuid PRIMARY KEY,
    name              varchar(200) NOT NULL,
    client_id         varchar(64)  NOT NULL UNIQUE,
    secret_hash       varchar(256) NOT NULL,
    scopes            text[]       NOT NULL,
    orgs              text[]       NOT NULL DEFAULT '{}',
    expires_at        timestamptz,
    revoked_at        timestamptz,
    created_at        timestamptz  NOT NULL,
    secret_rotated_at timestamptz,
    last_used_at      timestamptz
);

-- Every use of a key, written in batches off the request path.
CREATE TABLE api_key_usage (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    api_key_id  uuid        NOT NULL REFERENCES api_key (id),
    used_at     timestamptz NOT NULL,
    operation   varchar(200) NOT NULL,
    status      smallint    NOT NULL,
    request_id  varchar(128)
);
CREATE INDEX api_key_usage_key_time ON api_key_usage (api_key_id, used_at);
