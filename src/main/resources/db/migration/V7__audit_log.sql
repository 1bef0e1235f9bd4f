-- The audit log of security events and admin actions. Append-only, enforced by the database
-- itself: UPDATE and TRUNCATE are rejected, and DELETE only of rows older than the retention
-- that Lectern writes to audit_retention at start (AUDIT_RETENTION_DAYS).
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    target      text,
    outcome     text        NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
    ip          text,
    user_agent  text,
    request_id  text
);
CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at DESC, id DESC);
CREATE INDEX audit_log_actor ON audit_log (actor, occurred_at DESC);
CREATE INDEX audit_log_action ON audit_log (action, occurred_at DESC);

CREATE TABLE audit_retention (
    id   smallint PRIMARY KEY CHECK (id = 1),
    days integer  NOT NULL CHECK (days >= 1)
);
INSERT INTO audit_retention (id, days) VALUES (1, 365);

CREATE FUNCTION audit_log_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.occurred_at
            < now() - make_interval(days => (SELECT days FROM audit_retention WHERE id = 1)) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
