-- pgbench script: one page of GET /enrollments?filter=dateLastModified>'since'&limit=100 as
-- Lectern runs it while paging (generation, anchor, page seeking past it; see users-page.sql).
-- BenchmarkSqlTest keeps it equal to RosterSql's output.
\set page random(0, :pages - 1)
\set n (:page * 100) / 500
\set skip :page * 100 - :n * 500
SELECT value FROM roster_generation WHERE id = 1;
SELECT sourced_id AS anchor FROM bench_anchor WHERE n = :n \gset
SELECT t.sourced_id, t.status, t.date_last_modified, t.metadata, t.class_sourced_id, t.user_sourced_id, t.school_sourced_id, t.role, t.is_primary, t.begin_date, t.end_date FROM roster_enrollment t WHERE ((t.date_last_modified > :since) AND (t.sourced_id > :anchor)) ORDER BY t.sourced_id ASC LIMIT 100 OFFSET :skip;
