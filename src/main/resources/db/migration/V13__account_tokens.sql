-- Access tokens of an account issued before tokens_revoked_at are refused: set when the account
-- is disabled, loses a role, has its password changed or reset, or signs out everywhere.
-- Failed sign-ins now slow their source (rate-limit tiers) instead of locking the account, so the
-- per-account back-off of V9 goes.
ALTER TABLE platform_account
    ADD COLUMN tokens_revoked_at timestamptz,
    DROP COLUMN failed_logins,
    DROP COLUMN locked_until;
