package dev.lectern.ops.backup;

import dev.lectern.control.jobs.JobRun;
import dev.lectern.ops.backup.archive.ApplicationTables;
import dev.lectern.ops.backup.archive.ArchiveLoader;
import dev.lectern.ops.backup.archive.ArchiveManifest;
import dev.lectern.ops.backup.archive.ArchiveReader;
import dev.lectern.ops.backup.archive.ArchiveSchema;
import dev.lectern.platform.db.DataAccessException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Loads a backup into a schema of its own beside the live tables, for online and partial restores:
 * Lectern's migrations up to the archive's version, the data, statistics, then the newer
 * migrations, so the shadow has exactly the live schema's shape.
 */
@ApplicationScoped
public class ShadowLoader {

  @Inject BackupCatalog catalog;
  @Inject BackupConfig config;
  @Inject ScratchDatabases databases;
  @Inject RosterSwap schemas;
  @Resource ManagedExecutorService executor;

  /**
   * Loads into {@code schema} (replaced if present), reporting progress from {@code from}% to
   * {@code to}%.
   */
  void load(JobRun run, String backupId, ArchiveManifest manifest, String schema, int from, int to)
      throws IOException, InterruptedException {
    try {
      loadAndMigrate(run, backupId, manifest, schema, from, to);
    } catch (SQLException e) {
      throw new DataAccessException(e);
    }
  }

  private void loadAndMigrate(
      JobRun run, String backupId, ArchiveManifest manifest, String schema, int from, int to)
      throws IOException, SQLException, InterruptedException {
    schemas.dropQuietly(schema);
    PGSimpleDataSource shadow = databases.lecternDatabase(schema);
    ArchiveSchema.migrateTo(shadow, schema, manifest.schemaVersion());
    try (ArchiveReader reader = ArchiveReader.open(catalog.path(backupId), config.keyring())) {
      ArchiveLoader.load(
          shadow::getConnection,
          reader,
          executor,
          config.workers(),
          (table, done, total) -> {
            run.checkCancelled();
            run.progress("load " + schema, from + (to - from) * done / total, 0, "{}", false);
          });
    }
    try (Connection c = shadow.getConnection();
        Statement s = c.createStatement()) {
      for (String table : ApplicationTables.of(c).keySet()) {
        s.execute("ANALYZE \"" + table + "\"");
      }
    }
    ArchiveSchema.migrateToLatest(shadow, schema);
  }
}
