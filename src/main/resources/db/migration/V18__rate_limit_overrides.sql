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

-- Callers no tier limits (or only the tiers listed): a network by CIDR, or an API client by id.
CREATE TABLE rate_limit_exemption (
    id         bigserial    PRIMARY KEY,
    kind       varchar(8)   NOT NULL CHECK (kind IN ('cidr', 'client')),
    value      varchar(100) NOT NULL,
    tiers      text[]       NOT NULL DEFAULT '{}',
    reason     text,
    created_at timestamptz  NOT NULL DEFAULT now(),
    created_by text         NOT NULL,
    UNIQUE (kind, value)
);

INSERT INTO change_feed (topic, version) VALUES ('rate-limits', 1);
