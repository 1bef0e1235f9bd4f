package dev.lectern.roster.imports;

import dev.lectern.control.jobs.JobCancelledException;
import dev.lectern.control.jobs.JobRun;
import dev.lectern.roster.query.RosterGeneration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Applies a validated package to the roster in one transaction, bounded by {@code
 * IMPORT_APPLY_TIMEOUT_SECONDS}: upserts that change only rows whose values differ, {@code
 * tobedeleted} for delta deletions and for records a bulk file no longer contains, and a roster
 * generation bump so every cached read is invalidated at commit. Every changed row is stamped with
 * the same time, read when the apply starts.
 */
final class ImportApplier {

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(ImportApplier.class.getName());

  /** NOT NULL roster columns a CSV may leave empty. */
  private static final Map<String, String> EMPTY =
      Map.of("user_ids", "'[]'::jsonb", "agent_sourced_ids", "'{}'::text[]");

  private final UUID job;
  private final Manifest manifest;
  private final JobRun run;
  private final ImportProgress progress;
  private final long deadlineNanos;
  private Timestamp stamp;

  ImportApplier(
      UUID job, Manifest manifest, JobRun run, ImportProgress progress, int timeoutSeconds) {
    this.job = job;
    this.manifest = manifest;
    this.run = run;
    this.progress = progress;
    this.deadlineNanos = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
  }

  void apply(Connection c) throws SQLException {
    boolean v11 = manifest.version().equals("1.1");
    boolean rolesStaged =
        v11
            ? manifest.present().contains(CsvFile.USERS)
            : manifest.present().contains(CsvFile.ROLES);
    c.setAutoCommit(false);
    try {
      try (Statement s = c.createStatement();
          ResultSet now = s.executeQuery("SELECT date_trunc('milliseconds', clock_timestamp())")) {
        now.next();
        stamp = now.getTimestamp(1);
      }
      List<CsvFile> files = manifest.present();
      lockTables(c, files, rolesStaged);
      int done = 0;
      for (CsvFile file : files) {
        if (file.table() != null) {
          long start = System.nanoTime();
          long[] upserted = upsert(c, file, rolesStaged);
          long upsertNanos = System.nanoTime() - start;
          long deleted = delete(c, file);
          LOG.info(
              String.format(
                  java.util.Locale.ROOT,
                  "Import %s applies %s: %d created, %d updated in %.2f s, %d deleted in %.2f s",
                  job,
                  file.fileName(),
                  upserted[0],
                  upserted[1],
                  upsertNanos / 1e9,
                  deleted,
                  (System.nanoTime() - start - upsertNanos) / 1e9));
          progress.applied(
              file, upserted[0], upserted[1], deleted, 80 + 20 * ++done / files.size());
        }
      }
      if (rolesStaged && !manifest.present().contains(CsvFile.USERS)) {
        long changed = updateRolesOnly(c);
        progress.applied(CsvFile.ROLES, 0, changed, 0, 99);
      }
      RosterGeneration.bump(c);
      run.checkCancelled();
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      if (run.cancelled()) {
        throw new JobCancelledException();
      }
      if ("57014".equals(sqlState(e)) && System.nanoTime() > deadlineNanos) {
        throw new IllegalStateException(
            "the apply took longer than"
                + " IMPORT_APPLY_TIMEOUT_SECONDS and was rolled back; nothing changed");
      }
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** Inserts new records and updates changed ones; answers {created, updated}. */
  private long[] upsert(Connection c, CsvFile file, boolean rolesStaged) throws SQLException {
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (CsvColumn column : StagingTables.columns(file)) {
      if (!column.column().startsWith("v11_")) {
        columns.add(column.column());
        String empty = EMPTY.get(column.column());
        values.add(
            empty == null
                ? "s." + column.column()
                : "coalesce(s." + column.column() + ", " + empty + ")");
      }
    }
    columns.add("metadata");
    values.add("s.metadata");
    String from = StagingTables.of(job, file) + " s";
    if (file == CsvFile.USERS) {
      resolveRoles(c, rolesStaged);
      from += " JOIN user_roles_resolved x ON x.sourced_id = s.sourced_id";
      columns.addAll(List.of("roles", "role_names", "role_org_sourced_ids"));
      values.addAll(List.of("x.roles", "x.role_names", "x.role_org_sourced_ids"));
    }
    if (isEmpty(c, file.table())) {
      // First load of this table: nothing to compare with, so a plain insert (the table is
      // locked, and staging has no duplicate sourcedIds), with the secondary indexes built
      // afterwards from sorted data, as pg_restore does.
      List<String> indexes = dropSecondaryIndexes(c, file.table());
      long created;
      try (PreparedStatement s =
          prepare(
              c,
              "INSERT INTO "
                  + file.table()
                  + " (sourced_id, status, date_last_modified, "
                  + String.join(", ", columns)
                  + ") SELECT s.sourced_id, 'active', ?, "
                  + String.join(", ", values)
                  + " FROM "
                  + from
                  + " WHERE (s.status IS NULL OR s.status = 'active')")) {
        s.setTimestamp(1, stamp);
        created = s.executeUpdate();
      }
      for (String index : indexes) {
        try (PreparedStatement s = prepare(c, index)) {
          s.execute();
        }
      }
      return new long[] {created, 0};
    }
    List<String> compared = new ArrayList<>(List.of("status"));
    compared.addAll(columns);
    String sql =
        "WITH up AS (INSERT INTO "
            + file.table()
            + " AS t (sourced_id, status,"
            + " date_last_modified, "
            + String.join(", ", columns)
            + ") SELECT s.sourced_id,"
            + " 'active', ?, "
            + String.join(", ", values)
            + " FROM "
            + from
            + " WHERE (s.status IS NULL OR s.status = 'active')"
            + " ON CONFLICT (sourced_id) DO UPDATE SET "
            + compared.stream()
                .map(col -> col + " = EXCLUDED." + col)
                .collect(Collectors.joining(", "))
            + ", date_last_modified = EXCLUDED.date_last_modified WHERE ("
            + compared.stream().map(col -> "t." + col).collect(Collectors.joining(", "))
            + ") IS DISTINCT FROM ("
            + compared.stream().map(col -> "EXCLUDED." + col).collect(Collectors.joining(", "))
            + ") RETURNING (xmax = 0) AS created)"
            + " SELECT count(*) FILTER (WHERE created), count(*) FILTER (WHERE NOT created)"
            + " FROM up";
    try (PreparedStatement s = prepare(c, sql)) {
      s.setTimestamp(1, stamp);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return new long[] {rows.getLong(1), rows.getLong(2)};
      }
    }
  }

  /**
   * Each active user's roles as they will be stored: from the package's roles, else those the user
   * already has, else none. Resolved before the insert, in a table of the transaction, so the
   * insert never reads the table it is filling.
   */
  private void resolveRoles(Connection c, boolean rolesStaged) throws SQLException {
    String roles = rolesStaged ? "r.roles, " : "";
    String names = rolesStaged ? "r.role_names, " : "";
    String orgs = rolesStaged ? "r.role_org_sourced_ids, " : "";
    String joinRoles =
        rolesStaged
            ? " LEFT JOIN "
                + StagingTables.userRoles(job)
                + " r ON r.user_sourced_id = s.sourced_id"
            : "";
    try (PreparedStatement s =
        prepare(
            c,
            "CREATE TEMP TABLE user_roles_resolved ON COMMIT DROP AS SELECT s.sourced_id,"
                + " coalesce("
                + roles
                + "e.roles, '[]') AS roles,"
                + " coalesce("
                + names
                + "e.role_names, '{}') AS role_names,"
                + " coalesce("
                + orgs
                + "e.role_org_sourced_ids, '{}') AS role_org_sourced_ids"
                + " FROM "
                + StagingTables.of(job, CsvFile.USERS)
                + " s"
                + joinRoles
                + " LEFT JOIN roster_user e ON e.sourced_id = s.sourced_id"
                + " WHERE (s.status IS NULL OR s.status = 'active')")) {
      s.execute();
    }
    run(c, "CREATE UNIQUE INDEX ON user_roles_resolved (sourced_id)");
    run(c, "ANALYZE user_roles_resolved");
  }

  /**
   * Roster writes wait while the package applies (reads go on): nothing can slip between the checks
   * and the apply, and a table found empty stays empty until it is filled.
   */
  private void lockTables(Connection c, List<CsvFile> files, boolean rolesStaged)
      throws SQLException {
    List<String> tables = new ArrayList<>();
    for (CsvFile file : files) {
      if (file.table() != null) {
        tables.add(file.table());
      }
    }
    if (rolesStaged && !tables.contains(CsvFile.USERS.table())) {
      tables.add(CsvFile.USERS.table());
    }
    if (!tables.isEmpty()) {
      try (PreparedStatement s =
          prepare(c, "LOCK TABLE " + String.join(", ", tables) + " IN EXCLUSIVE MODE")) {
        s.execute();
      }
    }
  }

  /**
   * Drops the indexes of a table that back no constraint and answers their definitions. Dropping
   * holds the table's lock until commit: readers of the (empty) table wait for the first load.
   */
  private List<String> dropSecondaryIndexes(Connection c, String table) throws SQLException {
    List<String[]> indexes = new ArrayList<>();
    try (PreparedStatement s =
        prepare(
            c,
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public'"
                + " AND i.tablename = '"
                + table
                + "' AND NOT EXISTS (SELECT 1 FROM pg_constraint"
                + " k WHERE k.conindid = ('public.' || quote_ident(i.indexname))::regclass)")) {
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          indexes.add(new String[] {rows.getString(1), rows.getString(2)});
        }
      }
    }
    List<String> definitions = new ArrayList<>();
    for (String[] index : indexes) {
      run(c, "DROP INDEX public.\"" + index[0] + "\"");
      definitions.add(index[1]);
    }
    if (!definitions.isEmpty()) {
      run(c, "SET LOCAL maintenance_work_mem = '256MB'");
    }
    return definitions;
  }

  private boolean isEmpty(Connection c, String table) throws SQLException {
    try (PreparedStatement s = prepare(c, "SELECT NOT EXISTS (SELECT 1 FROM " + table + ")");
        ResultSet rows = s.executeQuery()) {
      rows.next();
      return rows.getBoolean(1);
    }
  }

  /** Delta: rows marked tobedeleted. Bulk: active records the file no longer contains. */
  private long delete(Connection c, CsvFile file) throws SQLException {
    String stage = StagingTables.of(job, file);
    String sql =
        manifest.mode(file) == Manifest.Mode.BULK
            ? "UPDATE "
                + file.table()
                + " t SET status = 'tobedeleted', date_last_modified = ?"
                + " WHERE t.status = 'active' AND NOT EXISTS (SELECT 1 FROM "
                + stage
                + " s"
                + " WHERE s.sourced_id = t.sourced_id)"
            : "UPDATE "
                + file.table()
                + " t SET status = 'tobedeleted', date_last_modified = ?"
                + " FROM "
                + stage
                + " s WHERE s.sourced_id = t.sourced_id"
                + " AND s.status = 'tobedeleted' AND t.status <> 'tobedeleted'";
    try (PreparedStatement s = prepare(c, sql)) {
      s.setTimestamp(1, stamp);
      return s.executeUpdate();
    }
  }

  /** A roles file without a users file: the roles of existing users change. */
  private long updateRolesOnly(Connection c) throws SQLException {
    String sql =
        "UPDATE roster_user t SET roles = r.roles, role_names = r.role_names,"
            + " role_org_sourced_ids = r.role_org_sourced_ids, date_last_modified = ? FROM "
            + StagingTables.userRoles(job)
            + " r WHERE r.user_sourced_id = t.sourced_id AND"
            + " (t.roles, t.role_names, t.role_org_sourced_ids) IS DISTINCT FROM (r.roles,"
            + " r.role_names, r.role_org_sourced_ids)";
    try (PreparedStatement s = prepare(c, sql)) {
      s.setTimestamp(1, stamp);
      return s.executeUpdate();
    }
  }

  /** A statement bounded by what is left of the apply's time, cancellable by an admin. */
  private PreparedStatement prepare(Connection c, String sql) throws SQLException {
    run.checkCancelled();
    long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
    if (remainingMillis <= 0) {
      throw new IllegalStateException(
          "the apply took longer than IMPORT_APPLY_TIMEOUT_SECONDS"
              + " and was rolled back; nothing changed");
    }
    run(c, "SET LOCAL statement_timeout = " + remainingMillis);
    PreparedStatement statement = c.prepareStatement(sql);
    run.onCancel(
        () -> {
          try {
            statement.cancel();
          } catch (SQLException e) {
            // Already finished.
          }
        });
    return statement;
  }

  private static void run(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }
}
