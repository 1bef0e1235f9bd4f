-- Generates a realistic district into the roster tables with set-based SQL: used by
-- LECTERN_DEMO_DATA for a small demo district and by bench/district/generate.sql for benchmarks.
-- One district, `schools` schools, a school year with two terms and grading periods, 20 courses
-- per school, classes of 25 students and a teacher, 5% of users teachers, demographics for
-- students. Identifiers start with "gen-"; run it on a roster without them.
CREATE FUNCTION roster_generate_district(users integer, enrollments integer, schools integer)
RETURNS void LANGUAGE plpgsql AS $generate$
BEGIN
    INSERT INTO roster_org (sourced_id, status, date_last_modified, name, type, identifier)
    VALUES ('gen-district', 'active', now() - interval '300 days', 'Generated District', 'district', 'GD');

    INSERT INTO roster_org (sourced_id, status, date_last_modified, name, type, identifier, parent_sourced_id)
    SELECT 'gen-school-' || s, 'active', now() - interval '300 days' + s * interval '1 minute',
           'School ' || s, 'school', 'S' || s, 'gen-district'
    FROM generate_series(1, schools) s;

    INSERT INTO roster_academic_session (sourced_id, status, date_last_modified, title, type, start_date, end_date, parent_sourced_id, school_year, org_sourced_id)
    VALUES ('gen-year', 'active', now() - interval '300 days', '2026-2027', 'schoolYear', '2026-08-15', '2027-06-15', NULL, '2027', 'gen-district'),
           ('gen-term-1', 'active', now() - interval '300 days', 'Fall', 'term', '2026-08-15', '2026-12-20', 'gen-year', '2027', 'gen-district'),
           ('gen-term-2', 'active', now() - interval '300 days', 'Spring', 'term', '2027-01-05', '2027-06-15', 'gen-year', '2027', 'gen-district'),
           ('gen-gp-1', 'active', now() - interval '300 days', 'Q1', 'gradingPeriod', '2026-08-15', '2026-10-15', 'gen-term-1', '2027', 'gen-district'),
           ('gen-gp-2', 'active', now() - interval '300 days', 'Q2', 'gradingPeriod', '2026-10-16', '2026-12-20', 'gen-term-1', '2027', 'gen-district');

    INSERT INTO roster_course (sourced_id, status, date_last_modified, title, school_year_sourced_id, course_code, grades, subjects, org_sourced_id)
    SELECT 'gen-course-' || s || '-' || c, 'active', now() - interval '290 days',
           'Course ' || c, 'gen-year', 'C' || c, ARRAY[lpad(((c % 4) + 9)::text, 2, '0')],
           ARRAY[(ARRAY['Mathematics','Science','English','History','Art'])[1 + c % 5]], 'gen-school-' || s
    FROM generate_series(1, schools) s, generate_series(1, 20) c;

    -- Classes: one per 26 enrollments (25 students and a teacher); class k belongs to school 1 + k % schools.
    INSERT INTO roster_class (sourced_id, status, date_last_modified, title, class_code, class_type, location, grades, course_sourced_id, school_sourced_id, term_sourced_ids, periods)
    SELECT 'gen-class-' || k, 'active', now() - interval '280 days' + (k % 1000) * interval '1 second',
           'Class ' || k, 'K' || k, 'scheduled', 'Room ' || (k % 300), ARRAY['09'],
           'gen-course-' || (1 + k % schools) || '-' || (1 + (k / schools) % 20),
           'gen-school-' || (1 + k % schools), ARRAY['gen-term-' || (1 + k % 2)], ARRAY[(1 + k % 8)::text]
    FROM generate_series(0, (enrollments / 26)) k;

    -- Users: user u belongs to school 1 + u % schools; every 20th user is a teacher.
    INSERT INTO roster_user (sourced_id, status, date_last_modified, enabled_user, username, user_ids, given_name, family_name, email, grades, primary_org_sourced_id, roles, role_names, role_org_sourced_ids)
    SELECT 'gen-user-' || u, 'active', now() - interval '250 days' + (u % 100000) * interval '100 milliseconds', true,
           'user' || u, jsonb_build_array(jsonb_build_object('type', 'SIS', 'identifier', 'SIS' || u)),
           (ARRAY['Alex','Sam','Jordan','Taylor','Morgan','Casey','Riley','Jamie'])[1 + u % 8],
           (ARRAY['Smith','Nguyen','Garcia','Okafor','Kowalski','Tanaka','Haddad','Larsen'])[1 + (u / 8) % 8] || u,
           'user' || u || '@district.example',
           CASE WHEN u % 20 = 0 THEN NULL ELSE ARRAY[lpad(((u % 4) + 9)::text, 2, '0')] END,
           'gen-school-' || (1 + u % schools),
           jsonb_build_array(jsonb_build_object('roleType', 'primary',
               'role', CASE WHEN u % 20 = 0 THEN 'teacher' ELSE 'student' END, 'org', 'gen-school-' || (1 + u % schools))),
           ARRAY[CASE WHEN u % 20 = 0 THEN 'teacher' ELSE 'student' END],
           ARRAY['gen-school-' || (1 + u % schools)]
    FROM generate_series(0, users - 1) u;

    -- Enrollments: enrollment e is in class e / 26; its user is a user of the class's school.
    INSERT INTO roster_enrollment (sourced_id, status, date_last_modified, class_sourced_id, user_sourced_id, school_sourced_id, role, is_primary, begin_date)
    SELECT 'gen-enr-' || e, 'active', now() - interval '200 days' + (e % 100000) * interval '100 milliseconds',
           'gen-class-' || (e / 26),
           'gen-user-' || (((e / 26) % schools) + schools * ((e::bigint * 7919) % greatest(1, users / schools))),
           'gen-school-' || (1 + (e / 26) % schools),
           CASE WHEN ((e / 26) % schools + schools * ((e::bigint * 7919) % greatest(1, users / schools))) % 20 = 0 THEN 'teacher' ELSE 'student' END,
           false, '2026-08-15'
    FROM generate_series(0, enrollments - 1) e;

    INSERT INTO roster_demographics (sourced_id, status, date_last_modified, birth_date, sex, white, asian)
    SELECT 'gen-user-' || u, 'active', now() - interval '250 days', date '2010-01-01' + (u % 1500),
           (ARRAY['male','female','other','unspecified'])[1 + u % 4], (u % 2 = 0)::text, (u % 3 = 0)::text
    FROM generate_series(0, users - 1) u WHERE u % 20 <> 0;
END;
$generate$;
