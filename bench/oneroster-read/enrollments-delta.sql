-- pgbench script: one page of GET /enrollments?filter=dateLastModified>'since'&limit=100 as
-- Lectern runs it while paging (generation, anchor, page seeking past it; see users-page.sql).
-- BenchmarkSqlTest keeps it equal to RosterSql's output.
\set page random(0, :pages - 1)
\set n (:page * 100) / 500
\set skip :page * 100 - :n * 500
SELECT value FROM roster_generation WHERE id = 1;
SELECT sourced_id AS anchor FROM bench_anchor WHERE n = :n \gset
SELECT '{' || concat_ws(',', '"sourcedId":' || to_json(t.sourced_id)::text, '"status":' || to_json(t.status)::text, '"dateLastModified":"' || roster_json_time(t.date_last_modified) || '"', '"metadata":' || t.metadata::text, '"class":{"href":' || to_json(CAST(:base AS text) || 'classes/' || t.class_sourced_id)::text || ',"sourcedId":' || to_json(t.class_sourced_id)::text || ',"type":"class"}', '"user":{"href":' || to_json(CAST(:base AS text) || 'users/' || t.user_sourced_id)::text || ',"sourcedId":' || to_json(t.user_sourced_id)::text || ',"type":"user"}', '"school":{"href":' || to_json(CAST(:base AS text) || 'orgs/' || t.school_sourced_id)::text || ',"sourcedId":' || to_json(t.school_sourced_id)::text || ',"type":"org"}', '"role":' || to_json(t.role)::text, '"primary":"' || t.is_primary::text || '"', '"beginDate":"' || to_char(t.begin_date, 'YYYY-MM-DD') || '"', '"endDate":"' || to_char(t.end_date, 'YYYY-MM-DD') || '"') || '}' FROM roster_enrollment t WHERE ((t.date_last_modified > :since) AND (t.sourced_id > :anchor)) ORDER BY t.sourced_id ASC LIMIT 100 OFFSET :skip;
