-- Liberty's own tables (persistent timers EJBTIMER_*, batch job repository WLPBATCH*) now live in
-- the schema "liberty", which the data source creates on connecting, so nothing Liberty does can
-- make Lectern's schema non-empty before its first migration. Earlier installations have them in
-- Lectern's schema: they move, keeping every timer and every job's history.
--
-- Per store (timers, batch): when Liberty has not written to the new schema yet, the old tables
-- move whole (rows, indexes, constraints, sequences), and any empty tables Liberty created in the
-- new schema in the meantime give way to them. When Liberty has already written there (it started
-- before this migration and registered itself), the old rows are copied in, parents before
-- children, rows already there winning on a clash; sequences are moved past the copied ids and
-- the old tables dropped.
DO $$
DECLARE
  store text;
  old_schema text := current_schema();
  tables text[];
  written boolean;
  t text;
  remaining text[];
  progressed boolean;
  columns text;
  seq record;
BEGIN
  FOREACH store IN ARRAY ARRAY['ejbtimer\_%', 'wlpbatch%'] LOOP
    SELECT array_agg(c.relname ORDER BY c.relname) INTO tables
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = old_schema AND c.relkind = 'r' AND c.relname LIKE store;
    CONTINUE WHEN tables IS NULL;

    IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'liberty') THEN
      CREATE SCHEMA liberty;
    END IF;
    -- Liberty waits while the store changes hands.
    FOREACH t IN ARRAY tables LOOP
      EXECUTE format('LOCK TABLE %I.%I IN ACCESS EXCLUSIVE MODE', old_schema, t);
      IF to_regclass(format('liberty.%I', t)) IS NOT NULL THEN
        EXECUTE format('LOCK TABLE liberty.%I IN ACCESS EXCLUSIVE MODE', t);
      END IF;
    END LOOP;

    written := false;
    FOREACH t IN ARRAY tables LOOP
      IF to_regclass(format('liberty.%I', t)) IS NOT NULL THEN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM liberty.%I)', t) INTO STRICT progressed;
        written := written OR progressed;
      END IF;
    END LOOP;

    IF NOT written THEN
      FOREACH t IN ARRAY tables LOOP
        EXECUTE format('DROP TABLE IF EXISTS liberty.%I CASCADE', t);
      END LOOP;
      FOREACH t IN ARRAY tables LOOP
        EXECUTE format('ALTER TABLE %I.%I SET SCHEMA liberty', old_schema, t);
      END LOOP;
      CONTINUE;
    END IF;

    -- Copy, a table once every table it refers to (other than itself) has been copied.
    remaining := tables;
    WHILE cardinality(remaining) > 0 LOOP
      progressed := false;
      FOREACH t IN ARRAY remaining LOOP
        CONTINUE WHEN EXISTS (
          SELECT 1 FROM pg_constraint k
           WHERE k.contype = 'f'
             AND k.conrelid = to_regclass(format('%I.%I', old_schema, t))
             AND k.confrelid <> k.conrelid
             AND (SELECT relname FROM pg_class WHERE oid = k.confrelid) = ANY (remaining));
        IF to_regclass(format('liberty.%I', t)) IS NULL THEN
          EXECUTE format('ALTER TABLE %I.%I SET SCHEMA liberty', old_schema, t);
        ELSE
          SELECT string_agg(quote_ident(l.column_name), ', ' ORDER BY l.ordinal_position)
            INTO columns
            FROM information_schema.columns l
            JOIN information_schema.columns o
              ON o.table_schema = old_schema AND o.table_name = t
             AND o.column_name = l.column_name
           WHERE l.table_schema = 'liberty' AND l.table_name = t;
          EXECUTE format('INSERT INTO liberty.%I (%s) SELECT %s FROM %I.%I ON CONFLICT DO NOTHING',
                         t, columns, columns, old_schema, t);
        END IF;
        remaining := array_remove(remaining, t);
        progressed := true;
      END LOOP;
      IF NOT progressed THEN
        RAISE EXCEPTION 'Liberty tables refer to each other in a cycle: %', remaining;
      END IF;
    END LOOP;

    FOR seq IN
      SELECT c.relname AS table_name, a.attname AS column_name,
             pg_get_serial_sequence(format('liberty.%I', c.relname), a.attname) AS sequence_name
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       WHERE n.nspname = 'liberty' AND c.relname = ANY (tables)
    LOOP
      CONTINUE WHEN seq.sequence_name IS NULL;
      EXECUTE format('SELECT setval(%L, greatest((SELECT last_value FROM %s),'
                     || ' coalesce((SELECT max(%I) FROM liberty.%I), 1)))',
                     seq.sequence_name, seq.sequence_name, seq.column_name, seq.table_name);
    END LOOP;

    FOREACH t IN ARRAY tables LOOP
      EXECUTE format('DROP TABLE IF EXISTS %I.%I CASCADE', old_schema, t);
    END LOOP;
  END LOOP;
END
$$;
