package dev.lectern.ops.backup;

import dev.lectern.control.jobs.JobCancelledException;
import dev.lectern.control.jobs.JobRun;
import dev.lectern.ops.backup.archive.ArchiveException;
import dev.lectern.ops.backup.archive.ArchiveLoader;
import dev.lectern.ops.backup.archive.ArchiveManifest;
import dev.lectern.ops.backup.archive.ArchiveReader;
import dev.lectern.ops.backup.archive.ArchiveSchema;
import dev.lectern.ops.backup.archive.DatabaseComparison;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Restore drills: the archive is restored into a scratch database beside Lectern's, exactly as an
 * offline restore would, compared with its manifest row for row, and the scratch database dropped.
 * The verdict goes to {@code backup_drill} and the server log. Needs the database user to hold
 * CREATEDB.
 */
@ApplicationScoped
public class DrillService {

  private static final Logger LOG = Logger.getLogger(DrillService.class.getName());

  @Resource(lookup = "jdbc/lecternDirect")
  DataSource dataSource;

  @Inject BackupCatalog catalog;
  @Inject BackupConfig config;
  @Inject DrillRepository drills;
  @Inject ScratchDatabases scratch;
  @Inject BackupMetrics metrics;
  @Resource ManagedExecutorService executor;

  /** Runs a drill on {@code backupId}, or on the newest backup when it is null. */
  public Drill drill(JobRun run, String backupId) throws IOException {
    String id = backupId != null ? backupId : newestBackup();
    drills.started(run.id(), id);
    long started = System.nanoTime();
    String result = Drill.FAILED;
    String reason;
    int tables = 0;
    long rows = 0;
    String database = scratch.name(run.id());
    try {
      BackupEntry entry = catalog.get(id);
      if (entry.manifest() == null) {
        throw new ArchiveException(entry.problem());
      }
      ArchiveManifest manifest = entry.manifest();
      tables = manifest.tables().size();
      rows = manifest.rows();
      run.progress("create scratch database", 5, 0, "{}", true);
      scratch.create(database);
      PGSimpleDataSource target = scratch.dataSource(database);
      ArchiveSchema.migrateTo(target, manifest.schemaVersion());
      try (ArchiveReader reader = ArchiveReader.open(catalog.path(id), config.keyring())) {
        ArchiveLoader.load(
            target::getConnection,
            reader,
            executor,
            config.workers(),
            (table, done, total) -> {
              run.checkCancelled();
              run.progress("load", 10 + 70 * done / total, 0, "{}", false);
            });
      }
      run.progress("compare", 85, manifest.rows(), "{}", true);
      List<String> problems;
      try (Connection c = target.getConnection()) {
        problems = DatabaseComparison.compare(c, manifest);
      }
      if (problems.isEmpty()) {
        result = Drill.SUCCESS;
        reason = "restored " + tables + " tables, " + rows + " rows, all equal to the manifest";
      } else {
        reason = String.join("; ", problems);
      }
    } catch (JobCancelledException e) {
      scratch.dropQuietly(database);
      drills.finished(run.id(), Drill.FAILED, "cancelled", tables, rows, elapsedMillis(started));
      throw e;
    } catch (ArchiveException e) {
      reason = e.getMessage();
    } catch (SQLException | IOException | InterruptedException | RuntimeException e) {
      reason = e.getClass().getSimpleName() + ": " + e.getMessage();
    } finally {
      scratch.dropQuietly(database);
    }
    drills.finished(run.id(), result, reason, tables, rows, elapsedMillis(started));
    metrics.drilled(result);
    Level level = Drill.SUCCESS.equals(result) ? Level.INFO : Level.WARNING;
    LOG.log(level, "Restore drill " + run.id() + " of " + id + ": " + result + " (" + reason + ")");
    return drills.find(run.id()).orElseThrow();
  }

  private static long elapsedMillis(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  private String newestBackup() throws IOException {
    return catalog.list().stream()
        .findFirst()
        .map(BackupEntry::id)
        .orElseThrow(() -> new ArchiveException("there is no backup to drill"));
  }
}
