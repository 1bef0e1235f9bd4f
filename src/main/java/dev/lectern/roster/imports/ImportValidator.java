package dev.lectern.roster.imports;

import dev.lectern.control.jobs.JobProblem;
import dev.lectern.control.jobs.JobRun;
import dev.lectern.roster.imports.CsvFile.Reference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The checks that need the whole package, as set-based SQL over the staging tables: duplicate
 * sourcedIds, references between files and (unless the target file is bulk) to the roster, and
 * users without roles. It also derives 1.1 users' roles and aggregates each user's roles for the
 * apply. Nothing here touches the roster.
 */
final class ImportValidator {

  /** An active staged row: blank status (bulk) or active (delta); written so estimates hold. */
  private static final String ACTIVE = "(%1$s.status IS NULL OR %1$s.status = 'active')";

  private final UUID job;
  private final Manifest manifest;
  private final JobRun run;
  private final int limit;

  ImportValidator(UUID job, Manifest manifest, JobRun run, int limit) {
    this.job = job;
    this.manifest = manifest;
    this.run = run;
    this.limit = limit;
  }

  void validate(Connection c) throws SQLException {
    List<CsvFile> present = manifest.present();
    for (CsvFile file : present) {
      // Statistics, not indexes: every check and the apply join staging tables by hash.
      execute(c, "ANALYZE " + StagingTables.of(job, file));
      duplicates(c, file);
      run.checkCancelled();
    }
    boolean v11 = manifest.version().equals("1.1");
    if (v11 && present.contains(CsvFile.USERS)) {
      deriveV11Roles(c);
    }
    for (CsvFile file : present) {
      for (Reference reference : file.references()) {
        if (!(v11 && file == CsvFile.ROLES)) {
          references(c, file, reference);
          run.checkCancelled();
        }
      }
    }
    if (rolesStaged(v11)) {
      aggregateRoles(c);
    }
    if (present.contains(CsvFile.USERS)) {
      usersWithoutRoles(c, rolesStaged(v11));
    }
  }

  /** Whether a roles staging table exists: a 1.2 roles file, or roles derived from 1.1 users. */
  boolean rolesStaged(boolean v11) {
    return v11
        ? manifest.present().contains(CsvFile.USERS)
        : manifest.present().contains(CsvFile.ROLES);
  }

  private void duplicates(Connection c, CsvFile file) throws SQLException {
    String stage = StagingTables.of(job, file);
    problems(
        c,
        "SELECT d.row_no, 'sourcedId', 'duplicate sourcedId ''' || d.sourced_id || ''' (first at"
            + " row ' || g.first_row || ')' FROM "
            + stage
            + " d JOIN (SELECT sourced_id,"
            + " min(row_no) AS first_row FROM "
            + stage
            + " GROUP BY sourced_id"
            + " HAVING count(*) > 1) g ON g.sourced_id = d.sourced_id"
            + " WHERE d.row_no <> g.first_row ORDER BY d.row_no LIMIT "
            + limit,
        file.fileName());
  }

  private void references(Connection c, CsvFile file, Reference reference) throws SQLException {
    CsvFile target = CsvFile.byManifestName(reference.target()).orElseThrow();
    boolean staged = manifest.present().contains(target);
    List<String> found = new ArrayList<>();
    if (staged) {
      found.add(
          "EXISTS (SELECT 1 FROM "
              + StagingTables.of(job, target)
              + " t WHERE"
              + " t.sourced_id = ref AND "
              + ACTIVE.formatted("t")
              + ")");
    }
    if (manifest.mode(target) != Manifest.Mode.BULK) {
      String roster =
          "EXISTS (SELECT 1 FROM "
              + target.table()
              + " r WHERE r.sourced_id = ref"
              + " AND r.status = 'active')";
      if (staged) {
        roster +=
            " AND NOT EXISTS (SELECT 1 FROM "
                + StagingTables.of(job, target)
                + " d"
                + " WHERE d.sourced_id = ref AND d.status = 'tobedeleted')";
      }
      found.add("(" + roster + ")");
    }
    String refs =
        reference.many()
            ? StagingTables.of(job, file)
                + " f CROSS JOIN LATERAL unnest(f."
                + reference.column()
                + ") AS ref"
            : "(SELECT f.*, f."
                + reference.column()
                + " AS ref FROM "
                + StagingTables.of(job, file)
                + " f) f";
    String where = found.isEmpty() ? "true" : "NOT (" + String.join(" OR ", found) + ")";
    problems(
        c,
        "SELECT f.row_no, '"
            + reference.header()
            + "', 'refers to "
            + target.manifestName()
            + " ''' || ref || ''', which is neither in the package nor active in Lectern'"
            + " FROM "
            + refs
            + " WHERE "
            + ACTIVE.formatted("f")
            + " AND ref IS NOT NULL AND "
            + where
            + " ORDER BY f.row_no LIMIT "
            + limit,
        file.fileName());
  }

  /** 1.1 gave each user one role in every org listed: the first org is the primary one. */
  private void deriveV11Roles(Connection c) throws SQLException {
    StagingTables.create(c, job, CsvFile.ROLES);
    execute(
        c,
        "INSERT INTO "
            + StagingTables.of(job, CsvFile.ROLES)
            + " (row_no, sourced_id, status,"
            + " user_sourced_id, role_type, role, org_sourced_id)"
            + " SELECT u.row_no, u.sourced_id || '/' || o.org, u.status, u.sourced_id,"
            + " CASE WHEN o.n = 1 THEN 'primary' ELSE 'secondary' END,"
            + " CASE u.v11_role WHEN 'administrator' THEN 'siteAdministrator' ELSE u.v11_role END,"
            + " o.org FROM "
            + StagingTables.of(job, CsvFile.USERS)
            + " u"
            + " CROSS JOIN LATERAL unnest(u.v11_org_sourced_ids) WITH ORDINALITY AS o(org, n)");
  }

  /** Each user named in the roles: the complete set of their active roles, as stored. */
  private void aggregateRoles(Connection c) throws SQLException {
    String table = StagingTables.userRoles(job);
    execute(c, "DROP TABLE IF EXISTS " + table);
    execute(
        c,
        "CREATE UNLOGGED TABLE "
            + table
            + " AS SELECT user_sourced_id,"
            + " coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('roleType', role_type,"
            + " 'role', role, 'org', org_sourced_id, 'userProfile', user_profile, 'beginDate',"
            + " begin_date::text, 'endDate', end_date::text)) ORDER BY row_no, sourced_id)"
            + " FILTER (WHERE "
            + ACTIVE.formatted("r")
            + "), '[]') AS roles,"
            + " coalesce(array_agg(DISTINCT role) FILTER (WHERE "
            + ACTIVE.formatted("r")
            + "), '{}') AS role_names,"
            + " coalesce(array_agg(DISTINCT org_sourced_id) FILTER (WHERE "
            + ACTIVE.formatted("r")
            + "), '{}') AS role_org_sourced_ids"
            + " FROM "
            + StagingTables.of(job, CsvFile.ROLES)
            + " r GROUP BY user_sourced_id");
    execute(c, "CREATE INDEX ON " + table + " (user_sourced_id)");
    execute(c, "ANALYZE " + table);
  }

  /** A user new to Lectern must arrive with at least one role. */
  private void usersWithoutRoles(Connection c, boolean rolesStaged) throws SQLException {
    String roles =
        rolesStaged
            ? " AND NOT EXISTS (SELECT 1 FROM "
                + StagingTables.userRoles(job)
                + " r WHERE"
                + " r.user_sourced_id = u.sourced_id AND r.roles <> '[]')"
            : "";
    problems(
        c,
        "SELECT u.row_no, 'sourcedId', 'user ''' || u.sourced_id || ''' has no role (roles.csv"
            + " must give a new user at least one)' FROM "
            + StagingTables.of(job, CsvFile.USERS)
            + " u WHERE "
            + ACTIVE.formatted("u")
            + " AND NOT EXISTS (SELECT 1 FROM roster_user e"
            + " WHERE e.sourced_id = u.sourced_id)"
            + roles
            + " ORDER BY u.row_no LIMIT "
            + limit,
        CsvFile.USERS.fileName());
  }

  private void problems(Connection c, String sql, String fileName) throws SQLException {
    List<JobProblem> found = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        found.add(new JobProblem(fileName, rows.getLong(1), rows.getString(2), rows.getString(3)));
      }
    }
    run.problems(found);
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
