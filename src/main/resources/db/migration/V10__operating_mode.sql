-- The operating mode every replica follows (normal, read-only, maintenance), with why, until when
-- and who set it. One row; replicas read it twice a second.
CREATE TABLE operating_mode (
    id         smallint    PRIMARY KEY CHECK (id = 1),
    mode       varchar(16) NOT NULL CHECK (mode IN ('normal', 'read-only', 'maintenance')),
    reason     text,
    until      timestamptz,
    changed_at timestamptz NOT NULL DEFAULT now(),
    changed_by text
);
INSERT INTO operating_mode (id, mode) VALUES (1, 'normal');
