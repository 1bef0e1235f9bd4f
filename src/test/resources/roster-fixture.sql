-- A small district for the OneRoster tests: one district, two schools, a term with a grading
-- period, a course and a class per school, a teacher and two students, their enrollments.
-- Identifiers are prefixed with :'p' (the test's run prefix) so tests never collide.
INSERT INTO roster_org (sourced_id, status, date_last_modified, name, type, identifier, parent_sourced_id, metadata) VALUES
  (:'p' || 'district', 'active', '2026-01-01T00:00:00Z', 'Lakeside District', 'district', 'D-1', NULL, '{"region":"north"}'),
  (:'p' || 'school-1', 'active', '2026-01-02T00:00:00Z', 'Lakeside High', 'school', 'S-1', :'p' || 'district', NULL),
  (:'p' || 'school-2', 'active', '2026-01-03T00:00:00Z', 'Hillside Middle', 'school', 'S-2', :'p' || 'district', NULL);
INSERT INTO roster_academic_session (sourced_id, status, date_last_modified, title, type, start_date, end_date, parent_sourced_id, school_year, org_sourced_id) VALUES
  (:'p' || 'term-1', 'active', '2026-01-01T00:00:00Z', 'Fall 2026', 'term', '2026-08-15', '2026-12-20', NULL, '2027', :'p' || 'district'),
  (:'p' || 'gp-1', 'active', '2026-01-01T00:00:00Z', 'Fall Q1', 'gradingPeriod', '2026-08-15', '2026-10-15', :'p' || 'term-1', '2027', :'p' || 'district');
INSERT INTO roster_course (sourced_id, status, date_last_modified, title, course_code, grades, subjects, org_sourced_id) VALUES
  (:'p' || 'course-1', 'active', '2026-01-01T00:00:00Z', 'Algebra I', 'ALG1', '{09,10}', '{Mathematics}', :'p' || 'school-1'),
  (:'p' || 'course-2', 'active', '2026-01-01T00:00:00Z', 'Biology', 'BIO', '{07}', '{Science}', :'p' || 'school-2');
INSERT INTO roster_class (sourced_id, status, date_last_modified, title, class_code, class_type, location, grades, course_sourced_id, school_sourced_id, term_sourced_ids, periods) VALUES
  (:'p' || 'class-1', 'active', '2026-02-01T00:00:00Z', 'Algebra I - P1', 'ALG1-1', 'scheduled', 'Room 101', '{09}', :'p' || 'course-1', :'p' || 'school-1', ARRAY[:'p' || 'term-1'], '{1}'),
  (:'p' || 'class-2', 'active', '2026-02-02T00:00:00Z', 'Biology - P3', 'BIO-3', 'scheduled', 'Lab 2', '{07}', :'p' || 'course-2', :'p' || 'school-2', ARRAY[:'p' || 'term-1'], '{3}');
INSERT INTO roster_user (sourced_id, status, date_last_modified, enabled_user, username, user_ids, given_name, family_name, email, grades, primary_org_sourced_id, roles, role_names, role_org_sourced_ids) VALUES
  (:'p' || 'teacher-1', 'active', '2026-03-01T00:00:00Z', true, 'jdoe', '[{"type":"LDAP","identifier":"jdoe-ldap"}]', 'Jane', 'O''Doe', 'jane@lakeside.example', NULL, :'p' || 'school-1',
   jsonb_build_array(jsonb_build_object('roleType','primary','role','teacher','org', :'p' || 'school-1')), '{teacher}', ARRAY[:'p' || 'school-1']),
  (:'p' || 'student-1', 'active', '2026-03-02T00:00:00Z', true, 'asmith', '[]', 'Alex', 'Smith', 'alex@lakeside.example', '{09}', :'p' || 'school-1',
   jsonb_build_array(jsonb_build_object('roleType','primary','role','student','org', :'p' || 'school-1')), '{student}', ARRAY[:'p' || 'school-1']),
  (:'p' || 'student-2', 'tobedeleted', '2026-03-03T00:00:00Z', false, 'bnguyen', '[]', 'Bao', 'Nguyen', NULL, '{07}', :'p' || 'school-2',
   jsonb_build_array(jsonb_build_object('roleType','primary','role','student','org', :'p' || 'school-2')), '{student}', ARRAY[:'p' || 'school-2']);
INSERT INTO roster_enrollment (sourced_id, status, date_last_modified, class_sourced_id, user_sourced_id, school_sourced_id, role, is_primary, begin_date) VALUES
  (:'p' || 'enr-1', 'active', '2026-04-01T00:00:00Z', :'p' || 'class-1', :'p' || 'teacher-1', :'p' || 'school-1', 'teacher', true, '2026-08-15'),
  (:'p' || 'enr-2', 'active', '2026-04-02T00:00:00Z', :'p' || 'class-1', :'p' || 'student-1', :'p' || 'school-1', 'student', false, '2026-08-15'),
  (:'p' || 'enr-3', 'active', '2026-04-03T00:00:00Z', :'p' || 'class-2', :'p' || 'student-2', :'p' || 'school-2', 'student', false, NULL);
INSERT INTO roster_demographics (sourced_id, status, date_last_modified, birth_date, sex, asian, white) VALUES
  (:'p' || 'student-1', 'active', '2026-03-02T00:00:00Z', '2011-05-04', 'female', 'false', 'true'),
  (:'p' || 'student-2', 'active', '2026-03-03T00:00:00Z', '2013-09-10', 'male', 'true', 'false');
