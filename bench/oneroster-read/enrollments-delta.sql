-- pgbench script: one page of GET /enrollments?filter=dateLastModified>'since'&limit=100 as
-- Lectern runs it while paging (generation, then the page; the total is counted once and
-- cached), as prepared statements. BenchmarkSqlTest keeps it equal to RosterSql's output.
\set offset random(0, :pages - 1) * 100
SELECT value FROM roster_generation WHERE id = 1;
SELECT t.sourced_id, t.status, t.date_last_modified, t.metadata, t.class_sourced_id, t.user_sourced_id, t.school_sourced_id, t.role, t.is_primary, t.begin_date, t.end_date FROM roster_enrollment t WHERE (t.date_last_modified > :since) ORDER BY t.sourced_id ASC LIMIT 100 OFFSET :offset;
