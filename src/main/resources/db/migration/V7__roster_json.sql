-- OneRoster reads render their JSON in PostgreSQL (see RosterJsonSql). Timestamps are shown in
-- UTC with milliseconds, as the specification's examples do; a function keeps the format in one
-- place (PostgreSQL inlines it) and out of statements, where its colons would read as pgbench
-- variables in the benchmark baselines.
CREATE FUNCTION roster_json_time(value timestamptz) RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT to_char(value AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$;
