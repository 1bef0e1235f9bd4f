-- pgbench script: one page of GET /users?limit=100 as Lectern runs it while paging (the roster
-- generation that keys the cached total, then the page; the total is counted once and cached),
-- as prepared statements. BenchmarkSqlTest keeps it equal to RosterSql's output.
\set offset random(0, :pages - 1) * 100
SELECT value FROM roster_generation WHERE id = 1;
SELECT t.sourced_id, t.status, t.date_last_modified, t.metadata, t.enabled_user, t.username, t.user_ids, t.given_name, t.family_name, t.middle_name, t.preferred_given_name, t.preferred_middle_name, t.preferred_family_name, t.pronouns, t.roles, t.identifier, t.email, t.sms, t.phone, t.agent_sourced_ids, t.grades, t.primary_org_sourced_id, t.user_master_identifier FROM roster_user t ORDER BY t.sourced_id ASC LIMIT 100 OFFSET :offset;
