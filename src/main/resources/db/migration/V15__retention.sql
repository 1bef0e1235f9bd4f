-- Calls of an API key older than API_KEY_USAGE_RETENTION_DAYS live on as counts per day (UTC),
-- operation and status: the retention sweep adds each batch of calls here as it deletes them.
CREATE TABLE api_key_usage_daily (
    api_key_id uuid         NOT NULL REFERENCES api_key (id),
    day        date         NOT NULL,
    operation  varchar(200) NOT NULL,
    status     smallint     NOT NULL,
    calls      bigint       NOT NULL,
    PRIMARY KEY (api_key_id, day, operation, status)
);

-- The sweep finds old calls by time alone.
CREATE INDEX api_key_usage_time ON api_key_usage (used_at);

-- The retention sweep runs as a job of its own type.
ALTER TABLE job DROP CONSTRAINT job_type_check;
ALTER TABLE job ADD CONSTRAINT job_type_check
    CHECK (type IN ('import', 'backup', 'verify', 'restore', 'partial-restore', 'drill',
                    'retention'));
