-- Feature flags set at runtime: a flag's variants (name to JSON value, all of one type), the
-- variant served by default, and targeting rules tried in order. Flags the code knows and nobody
-- has set yet are served from configuration, so a row exists only for a flag someone changed.
CREATE TABLE feature_flag (
    key             varchar(64) PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9-]{0,63}$'),
    type            varchar(8)  NOT NULL CHECK (type IN ('boolean', 'string', 'number', 'json')),
    description     text        NOT NULL DEFAULT '',
    variants        jsonb       NOT NULL,
    default_variant varchar(64) NOT NULL,
    rules           jsonb       NOT NULL DEFAULT '[]',
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      text        NOT NULL
);

-- Every change of a runtime setting (a flag, a tier's limit, ...): which setting, who, when, why,
-- from which request, before and after as JSON. Append-only: no row is ever changed or deleted.
CREATE TABLE setting_history (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind       varchar(32) NOT NULL,
    subject    varchar(128) NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor      text        NOT NULL,
    request_id text,
    reason     text,
    before     jsonb,
    after      jsonb
);
CREATE INDEX setting_history_subject ON setting_history (kind, subject, id DESC);

CREATE FUNCTION setting_history_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'setting_history is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER setting_history_no_change BEFORE UPDATE OR DELETE ON setting_history
    FOR EACH ROW EXECUTE FUNCTION setting_history_append_only();
CREATE TRIGGER setting_history_no_truncate BEFORE TRUNCATE ON setting_history
    FOR EACH STATEMENT EXECUTE FUNCTION setting_history_append_only();

INSERT INTO change_feed (topic, version) VALUES ('flags', 1);
