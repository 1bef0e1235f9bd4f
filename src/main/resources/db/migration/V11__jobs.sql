-- Long-running work (imports now; backups, verifications, restores and drills later) as jobs.
-- Lectern's view of a job lives here; the Jakarta Batch execution that runs it is in Liberty's
-- own WLPBATCH tables and is linked by batch_execution_id. A job is claimed by one replica
-- (owner), which refreshes heartbeat_at while it runs; a job whose heartbeat stops is failed by
-- any replica and can be retried.
CREATE TABLE job (
    id                 uuid PRIMARY KEY,
    type               varchar(32)  NOT NULL
        CHECK (type IN ('import', 'backup', 'verify', 'restore', 'partial-restore', 'drill')),
    state              varchar(16)  NOT NULL
        CHECK (state IN ('waiting', 'active', 'completed', 'failed', 'cancelled')),
    created_at         timestamp(3) with time zone NOT NULL,
    created_by         text         NOT NULL,
    started_at         timestamp(3) with time zone,
    finished_at        timestamp(3) with time zone,
    heartbeat_at       timestamp(3) with time zone,
    owner              text,
    batch_execution_id bigint,
    attempts           integer      NOT NULL DEFAULT 0,
    cancel_requested   boolean      NOT NULL DEFAULT false,
    -- What the job works on, e.g. {"package": "<file name>", "bytes": 123}.
    input              jsonb        NOT NULL DEFAULT '{}',
    phase              text,
    progress           smallint     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    rows_done          bigint       NOT NULL DEFAULT 0,
    -- Rows per file: {"users.csv": {"rows": 10, "created": 2, "updated": 1, "deleted": 0}}.
    counts             jsonb        NOT NULL DEFAULT '{}',
    problem_count      integer      NOT NULL DEFAULT 0,
    message            text
);
CREATE INDEX job_state_type ON job (state, type, created_at);
CREATE INDEX job_created ON job (created_at);

-- Every problem a job found (capped per job), for the full report.
CREATE TABLE job_problem (
    job_id  uuid    NOT NULL REFERENCES job (id) ON DELETE CASCADE,
    seq     integer NOT NULL,
    file    text,
    row_no  bigint,
    field   text,
    message text    NOT NULL,
    PRIMARY KEY (job_id, seq)
);

-- Staging tables of running imports live here, one set per job, dropped when the job ends.
CREATE SCHEMA IF NOT EXISTS import_stage;
