-- The change feed: one version per topic of runtime settings. A change bumps its topic's version
-- in the same transaction and notifies channel lectern_change; every replica reads the versions on
-- a notification, or every poll interval without one, and reloads the topics that moved.
CREATE TABLE change_feed (
    topic      varchar(64) PRIMARY KEY,
    version    bigint      NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO change_feed (topic, version) VALUES ('mode', 1), ('maintenance-windows', 1);

-- Maintenance windows planned ahead: persistent timers start and end them once per cluster. Two
-- windows that are scheduled or active never overlap (the exclusion constraint decides, so two
-- admins planning at once cannot both win).
CREATE TABLE maintenance_window (
    id           bigserial   PRIMARY KEY,
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL,
    mode         varchar(16) NOT NULL CHECK (mode IN ('read-only', 'maintenance')),
    reason       text        NOT NULL,
    notice       interval    NOT NULL CHECK (notice >= interval '0'),
    state        varchar(16) NOT NULL DEFAULT 'scheduled'
                 CHECK (state IN ('scheduled', 'active', 'ended', 'cancelled')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text        NOT NULL,
    started_at   timestamptz,
    ended_at     timestamptz,
    cancelled_at timestamptz,
    cancelled_by text,
    CHECK (ends_at > starts_at),
    CONSTRAINT maintenance_window_no_overlap
        EXCLUDE USING gist (tstzrange(starts_at, ends_at) WITH &&)
        WHERE (state IN ('scheduled', 'active'))
);
CREATE INDEX maintenance_window_starts ON maintenance_window (starts_at DESC);
