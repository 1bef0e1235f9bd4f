-- A tier's limit changed at runtime (n/duration, or off), over its RATE_LIMIT_<TIER> setting;
-- deleting the row gives the configured limit back. Changes are in setting_history (kind
-- rate-limit).
CREATE TABLE rate_limit_override (
    tier       varchar(32) PRIMARY KEY,
    rule       varchar(32) NOT NULL,
    reason     text,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text        NOT NULL
);

INSERT INTO change_feed (topic, version) VALUES ('rate-limits', 1);
