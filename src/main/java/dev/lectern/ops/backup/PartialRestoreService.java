package dev.lectern.ops.backup;

import dev.lectern.control.audit.AuditOutcome;
import dev.lectern.control.audit.AuditService;
import dev.lectern.control.jobs.JobRun;
import dev.lectern.ops.backup.archive.ArchiveException;
import dev.lectern.ops.backup.archive.ArchiveManifest;
import dev.lectern.ops.backup.archive.ArchiveVerifier;
import dev.lectern.platform.db.DataAccessException;
import dev.lectern.roster.model.RosterType;
import dev.lectern.roster.query.RosterGeneration;
import dev.lectern.roster.query.RosterRelationships;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Partial restores: one school, class or user, with the records that belong to it as the roster
 * package defines them, brought back from a backup without touching anything else. The backup is
 * loaded into a shadow schema; each related record is then either missing live ({@code insert}),
 * different live ({@code overwrite}, a conflict) or equal. Apply inserts the missing ones and
 * overwrites conflicts only when asked to, stamping what it writes with the current time so
 * OneRoster delta syncs pick it up.
 */
@ApplicationScoped
public class PartialRestoreService {

  private static final Logger LOG = Logger.getLogger(PartialRestoreService.class.getName());

  /** What a preview or an apply found: sourcedIds by collection name. */
  public record Plan(
      String backupId,
      String scope,
      String sourcedId,
      Map<String, List<String>> insert,
      Map<String, List<String>> overwrite,
      Map<String, Integer> unchanged,
      boolean applied,
      boolean overwritten) {}

  @Resource(lookup = "jdbc/lecternDirect")
  DataSource dataSource;

  @Inject BackupCatalog catalog;
  @Inject BackupConfig config;
  @Inject ShadowLoader shadows;
  @Inject RosterSwap schemas;
  @Inject RosterRelationships relationships;
  @Inject AuditService audit;

  /** Compares, and with {@code apply} writes; {@code overwrite} also replaces conflicts. */
  public Plan run(
      JobRun run,
      String backupId,
      RosterRelationships.Scope scope,
      String sourcedId,
      boolean apply,
      boolean overwrite)
      throws IOException, InterruptedException {
    ArchiveVerifier.Result verdict =
        ArchiveVerifier.verify(catalog.path(backupId), config.keyring());
    if (!verdict.verified()) {
      throw new ArchiveException(
          "backup " + backupId + " failed verification: " + String.join("; ", verdict.problems()));
    }
    ArchiveManifest manifest = verdict.manifest();
    String schema = schemaFor(run.id());
    try {
      shadows.load(run, backupId, manifest, schema, 10, 80);
      return compareAndApply(schema, backupId, scope, sourcedId, apply, overwrite);
    } catch (SQLException e) {
      throw new DataAccessException(e);
    } finally {
      schemas.dropQuietly(schema);
    }
  }

  private Plan compareAndApply(
      String schema,
      String backupId,
      RosterRelationships.Scope scope,
      String sourcedId,
      boolean apply,
      boolean overwrite)
      throws SQLException, ArchiveException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET LOCAL search_path = " + schema + ", public");
      }
      Map<RosterType, Set<String>> related;
      try {
        related = relationships.of(c, scope, sourcedId);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
      if (related.isEmpty()) {
        c.rollback();
        throw new ArchiveException(
            "backup "
                + backupId
                + " holds no "
                + scope.name().toLowerCase(java.util.Locale.ROOT)
                + " "
                + sourcedId);
      }
      Plan plan;
      try {
        plan = compare(c, schema, backupId, scope, sourcedId, related);
        if (!apply) {
          c.rollback();
          return plan;
        }
        write(c, schema, related, plan, overwrite);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
      audit.recordAs(
          "system",
          "backup.partial-restore",
          scope.name().toLowerCase(java.util.Locale.ROOT) + " " + sourcedId + " from " + backupId,
          AuditOutcome.SUCCESS);
      LOG.warning("Partial restore of " + scope + " " + sourcedId + " from " + backupId);
      return new Plan(
          backupId,
          plan.scope(),
          sourcedId,
          plan.insert(),
          plan.overwrite(),
          plan.unchanged(),
          true,
          overwrite);
    }
  }

  private Plan compare(
      Connection c,
      String schema,
      String backupId,
      RosterRelationships.Scope scope,
      String sourcedId,
      Map<RosterType, Set<String>> related)
      throws SQLException {
    Map<String, List<String>> insert = new LinkedHashMap<>();
    Map<String, List<String>> overwrite = new LinkedHashMap<>();
    Map<String, Integer> unchanged = new LinkedHashMap<>();
    for (Map.Entry<RosterType, Set<String>> entry : related.entrySet()) {
      String table = entry.getKey().table();
      String collection = entry.getKey().plural();
      List<String> missing = new ArrayList<>();
      List<String> different = new ArrayList<>();
      int same = 0;
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT b.sourced_id, l.sourced_id IS NULL, b::text IS DISTINCT FROM l::text FROM "
                  + schema
                  + "."
                  + table
                  + " b LEFT JOIN public."
                  + table
                  + " l ON l.sourced_id = b.sourced_id WHERE b.sourced_id = ANY (?)"
                  + " ORDER BY b.sourced_id")) {
        s.setArray(1, ids(c, entry.getValue()));
        try (ResultSet rows = s.executeQuery()) {
          while (rows.next()) {
            if (rows.getBoolean(2)) {
              missing.add(rows.getString(1));
            } else if (rows.getBoolean(3)) {
              different.add(rows.getString(1));
            } else {
              same++;
            }
          }
        }
      }
      insert.put(collection, missing);
      overwrite.put(collection, different);
      unchanged.put(collection, same);
    }
    return new Plan(
        backupId,
        scope.name().toLowerCase(java.util.Locale.ROOT),
        sourcedId,
        insert,
        overwrite,
        unchanged,
        false,
        false);
  }

  private void write(
      Connection c,
      String schema,
      Map<RosterType, Set<String>> related,
      Plan plan,
      boolean overwrite)
      throws SQLException {
    for (RosterType type : related.keySet()) {
      String table = type.table();
      Set<String> ids = new TreeSet<>(plan.insert().get(type.plural()));
      if (overwrite) {
        ids.addAll(plan.overwrite().get(type.plural()));
      }
      if (ids.isEmpty()) {
        continue;
      }
      Array array = ids(c, ids);
      try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM public." + table + " WHERE sourced_id = ANY (?)");
          PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO public."
                      + table
                      + " SELECT * FROM "
                      + schema
                      + "."
                      + table
                      + " WHERE sourced_id = ANY (?)");
          PreparedStatement stamp =
              c.prepareStatement(
                  "UPDATE public."
                      + table
                      + " SET date_last_modified = date_trunc('milliseconds', now())"
                      + " WHERE sourced_id = ANY (?)")) {
        delete.setArray(1, array);
        delete.executeUpdate();
        insert.setArray(1, array);
        insert.executeUpdate();
        stamp.setArray(1, array);
        stamp.executeUpdate();
      }
    }
    RosterGeneration.bump(c);
  }

  private static Array ids(Connection c, Set<String> ids) throws SQLException {
    return c.createArrayOf("text", ids.toArray());
  }

  static String schemaFor(UUID job) {
    return "partial_" + job.toString().replace("-", "").substring(0, 16);
  }
}
