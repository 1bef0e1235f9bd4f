-- Writes a small OneRoster 1.2 delta package from the generated district into the directory given
-- as psql variable dir: users (the users variable's count of users, spread over the collection,
-- with their roles) and enrollments (enrollments variable). Every row differs from the roster:
-- users' phone and enrollments' beginDate take the value of variant (1 or 2), so importing
-- variant 1 and 2 in turn changes every row each time and the consumers' delta syncs see them.
-- Used by run.sh (which adds manifest.csv).
\set ON_ERROR_STOP on
\cd :dir
CREATE TEMP TABLE soak_stamp AS SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS stamp,
  '555-0100' || :variant AS phone, CASE :variant WHEN 1 THEN '2026-08-16' ELSE '2026-08-17' END AS begin_date;
CREATE TEMP TABLE soak_users AS SELECT * FROM roster_user ORDER BY md5(sourced_id) LIMIT :users;
CREATE TEMP TABLE soak_enrollments AS SELECT * FROM roster_enrollment ORDER BY md5(sourced_id) LIMIT :enrollments;
\copy (SELECT sourced_id AS "sourcedId", 'active' AS status, s.stamp AS "dateLastModified", enabled_user::text AS "enabledUser", username, (SELECT string_agg('{' || (i->>'type') || ':' || (i->>'identifier') || '}', ',') FROM jsonb_array_elements(user_ids) i) AS "userIds", given_name AS "givenName", family_name AS "familyName", middle_name AS "middleName", identifier, email, sms, s.phone, array_to_string(agent_sourced_ids, ',') AS "agentSourcedIds", array_to_string(grades, ',') AS grades, '' AS password, user_master_identifier AS "userMasterIdentifier", preferred_given_name AS "preferredGivenName", preferred_middle_name AS "preferredMiddleName", preferred_family_name AS "preferredFamilyName", primary_org_sourced_id AS "primaryOrgSourcedId", pronouns FROM soak_users, soak_stamp s ORDER BY sourced_id) TO 'users.csv' WITH (FORMAT csv, HEADER true)
\copy (SELECT u.sourced_id || '-role-' || r.n AS "sourcedId", 'active' AS status, s.stamp AS "dateLastModified", u.sourced_id AS "userSourcedId", r.role->>'roleType' AS "roleType", r.role->>'role' AS role, r.role->>'beginDate' AS "beginDate", r.role->>'endDate' AS "endDate", r.role->>'org' AS "orgSourcedId", r.role->>'userProfile' AS "userProfileSourcedId" FROM soak_users u CROSS JOIN LATERAL jsonb_array_elements(u.roles) WITH ORDINALITY AS r(role, n), soak_stamp s ORDER BY u.sourced_id, r.n) TO 'roles.csv' WITH (FORMAT csv, HEADER true)
\copy (SELECT sourced_id AS "sourcedId", 'active' AS status, s.stamp AS "dateLastModified", class_sourced_id AS "classSourcedId", school_sourced_id AS "schoolSourcedId", user_sourced_id AS "userSourcedId", role, is_primary::text AS "primary", s.begin_date AS "beginDate", end_date AS "endDate" FROM soak_enrollments, soak_stamp s ORDER BY sourced_id) TO 'enrollments.csv' WITH (FORMAT csv, HEADER true)
