-- Access tokens of an account issued before tokens_revoked_at are refused: set when the account
-- is disabled, loses a role, has its password changed or reset, or signs out everywhere.
-- Failed sign-ins now slow their source (rate-limit tiers) instead of locking the account: the
-- back-off columns of V9 are no longer read or written, and stay until no replica of an earlier
-- release can run against this schema (dropping them now would break a rolling upgrade).
ALTER TABLE platform_account
    ADD COLUMN tokens_revoked_at timestamptz;
