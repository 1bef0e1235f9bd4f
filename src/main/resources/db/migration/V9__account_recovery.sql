-- Per-account back-off after repeated failed logins, and single-use password-reset tokens
-- (only their SHA-256 is stored; the token itself travels by mail).
ALTER TABLE platform_account
    ADD COLUMN failed_logins integer NOT NULL DEFAULT 0,
    ADD COLUMN locked_until  timestamptz;

CREATE TABLE password_reset (
    token_hash char(64)    PRIMARY KEY,
    account_id uuid        NOT NULL REFERENCES platform_account (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX password_reset_account ON password_reset (account_id);
