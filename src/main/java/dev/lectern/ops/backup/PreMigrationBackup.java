package dev.lectern.ops.backup;

import dev.lectern.ops.backup.archive.ArchiveManifest;
import dev.lectern.platform.migration.BeforeMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@code pre-migrate} backup before pending migrations touch a database that holds data ({@code
 * BACKUP_BEFORE_MIGRATE}, default true), so an upgrade can be undone by restoring it. It runs in
 * the background migration, so liveness is never blocked; readiness waits, as for any migration. A
 * failed backup stops the migration, which is retried.
 */
@ApplicationScoped
public class PreMigrationBackup implements BeforeMigration {

  private static final Logger LOG = Logger.getLogger(PreMigrationBackup.class.getName());

  @Resource(lookup = "jdbc/lecternDirect")
  DataSource dataSource;

  @Inject BackupService backups;
  @Inject BackupConfig config;

  @Override
  public void beforeMigrating(String currentVersion, int pending) throws Exception {
    if (!config.backupBeforeMigrate() || !holdsData()) {
      return;
    }
    LOG.warning(
        pending
            + " migrations pending on schema "
            + currentVersion
            + ": taking a pre-migrate backup first");
    ArchiveManifest manifest = backups.backup(null, "pre-migrate");
    var verdict = backups.verify(manifest.id());
    if (!verdict.verified()) {
      throw new IllegalStateException(
          "pre-migrate backup " + manifest.id() + " failed verification: " + verdict.problems());
    }
  }

  /** Whether any account or roster row exists: a database with nothing to lose needs none. */
  private boolean holdsData() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      List<String> tables = new ArrayList<>();
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace"
                      + " AND relkind = 'r' AND (relname = 'platform_account'"
                      + " OR relname LIKE 'roster\\_%')");
          ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      for (String table : tables) {
        try (PreparedStatement s =
                c.prepareStatement("SELECT EXISTS (SELECT 1 FROM \"" + table + "\")");
            ResultSet rows = s.executeQuery()) {
          rows.next();
          if (rows.getBoolean(1)) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
