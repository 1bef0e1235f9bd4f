-- Restore drills (seed 001 §2.2): each restores a backup into a scratch database, compares it
-- with the archive's manifest, drops the scratch database and records the result here. The id is
-- the drill's job id. Archives themselves are not in the database: the backup directory is their
-- catalogue.
CREATE TABLE backup_drill (
    id          uuid PRIMARY KEY,
    backup_id   text         NOT NULL,
    started_at  timestamp(3) with time zone NOT NULL,
    finished_at timestamp(3) with time zone,
    result      varchar(8)   CHECK (result IN ('SUCCESS', 'FAILED')),
    reason      text,
    tables      integer,
    rows        bigint,
    duration_ms bigint
);
CREATE INDEX backup_drill_started ON backup_drill (started_at DESC);
