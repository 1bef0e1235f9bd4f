-- pgbench script: one page of GET /users?limit=100 as Lectern runs it while paging: the roster
-- generation that keys its cached total and anchors, the anchor before the page (Lectern reads
-- it from its cache, pgbench from bench_anchor, which run.sh fills with the same anchors), then
-- the page seeking past the anchor. BenchmarkSqlTest keeps it equal to RosterSql's output.
-- Lectern sends the first five pages (no anchor yet) with plain OFFSET; here they seek past ''.
\set page random(0, :pages - 1)
\set n (:page * 100) / 500
\set skip :page * 100 - :n * 500
SELECT value FROM roster_generation WHERE id = 1;
SELECT sourced_id AS anchor FROM bench_anchor WHERE n = :n \gset
SELECT t.sourced_id, t.status, t.date_last_modified, t.metadata, t.enabled_user, t.username, t.user_ids, t.given_name, t.family_name, t.middle_name, t.preferred_given_name, t.preferred_middle_name, t.preferred_family_name, t.pronouns, t.roles, t.identifier, t.email, t.sms, t.phone, t.agent_sourced_ids, t.grades, t.primary_org_sourced_id, t.user_master_identifier FROM roster_user t WHERE (t.sourced_id > :anchor) ORDER BY t.sourced_id ASC LIMIT 100 OFFSET :skip;
