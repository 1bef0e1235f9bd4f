-- Log levels raised (or lowered) at runtime for an incident, each with the time it reverts by
-- itself. Every replica applies the rows through the change feed (topic log-levels) and puts the
-- level back when the time is up; changes are in setting_history (kind log-level).
CREATE TABLE log_level_override (
    logger     varchar(200) PRIMARY KEY,
    level      varchar(16)  NOT NULL,
    revert_at  timestamptz  NOT NULL,
    set_by     text         NOT NULL,
    reason     text         NOT NULL,
    set_at     timestamptz  NOT NULL DEFAULT now()
);

INSERT INTO change_feed (topic, version) VALUES ('log-levels', 1);
