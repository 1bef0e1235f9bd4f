-- A generated district for benchmarks, through the roster_generate_district function that
-- migration V6 installs (the same one LECTERN_DEMO_DATA uses). Sizes are psql variables:
--   psql -v users=100000 -v enrollments=1000000 -v schools=50 -f bench/district/generate.sql
\set ON_ERROR_STOP on
\if :{?users} \else \set users 100000 \endif
\if :{?enrollments} \else \set enrollments 1000000 \endif
\if :{?schools} \else \set schools 50 \endif
SELECT roster_generate_district(:users, :enrollments, :schools);
ANALYZE;
