package dev.lectern.ops.backup;

import dev.lectern.control.jobs.JobRun;
import dev.lectern.ops.backup.archive.ArchiveManifest;
import dev.lectern.ops.backup.archive.ArchiveVerifier;
import dev.lectern.ops.backup.archive.ArchiveWriter;
import dev.lectern.ops.backup.archive.BackupFiles;
import dev.lectern.ops.backup.archive.Keyring;
import dev.lectern.ops.backup.archive.TableDumper;
import dev.lectern.platform.config.BuildInfo;
import dev.lectern.platform.db.DataAccessException;
import dev.lectern.platform.db.Direct;
import dev.lectern.platform.db.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Takes and verifies backups. A backup dumps every application table from one snapshot with
 * parallel workers into compressed parts beside the catalogue, assembles them into one archive
 * (encrypted with the first key of the keyring when there is one), and is then verified by reading
 * the archive back, so a listed backup is one that was proven readable.
 */
@ApplicationScoped
public class BackupService {

  private static final Logger LOG = Logger.getLogger(BackupService.class.getName());

  @Resource(lookup = "jdbc/lecternDirect")
  DataSource dataSource;

  @Inject @Direct Jdbc jdbc;

  @Resource ManagedExecutorService executor;
  @Inject BackupConfig config;
  @Inject BackupCatalog catalog;
  @Inject BuildInfo build;
  @Inject BackupMetrics metrics;

  /** Takes a backup; {@code trigger} is schedule, manual, pre-restore or pre-migrate. */
  public ArchiveManifest backup(JobRun run, String trigger)
      throws IOException, InterruptedException {
    Keyring keyring = config.keyring();
    Path dir = config.dir();
    Files.createDirectories(dir);
    long checkStarted = System.nanoTime();
    checkSpace(dir);
    long checkMillis = (System.nanoTime() - checkStarted) / 1_000_000;
    String id = catalog.newId(LocalDateTime.now());
    Path work = dir.resolve(".work-" + id);
    Files.createDirectories(work);
    long started = System.nanoTime();
    try {
      progress(run, "dump", 5, id);
      TableDumper dumper =
          new TableDumper(
              dataSource::getConnection, executor, config.workers(), config.compressionLevel());
      TableDumper.Dump dump = dump(dumper, work, run);
      if (run != null) {
        run.checkCancelled();
      }
      long dumpMillis = (System.nanoTime() - started) / 1_000_000;
      ArchiveManifest manifest =
          new ArchiveManifest(
              id,
              Instant.now(),
              build.version(),
              dump.schemaVersion(),
              trigger,
              keyring.encryptingKeyId().orElse(null),
              dumpMillis,
              dump.tables());
      progress(run, "write", 80, id);
      long writeStarted = System.nanoTime();
      ArchiveWriter.write(catalog.path(id), manifest, dump.parts(), keyring);
      long writeMillis = (System.nanoTime() - writeStarted) / 1_000_000;
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      metrics.backupTaken(manifest, Files.size(catalog.path(id)), System.nanoTime() - started);
      LOG.info(
          "Backup "
              + id
              + " ("
              + trigger
              + "): "
              + manifest.tables().stream().map(ArchiveManifest.Table::name).distinct().count()
              + " tables in "
              + manifest.tables().size()
              + " parts, "
              + manifest.rows()
              + " rows, "
              + Files.size(catalog.path(id))
              + " bytes in "
              + seconds
              + " s (space check "
              + checkMillis
              + " ms, dump "
              + dumpMillis
              + " ms, archive "
              + writeMillis
              + " ms)");
      return manifest;
    } finally {
      BackupFiles.deleteTree(work);
    }
  }

  private static TableDumper.Dump dump(TableDumper dumper, Path work, JobRun run)
      throws IOException, InterruptedException {
    try {
      return dumper.dump(work, () -> run != null && run.cancelled());
    } catch (SQLException e) {
      throw new DataAccessException(e);
    }
  }

  /** Re-reads an archive and records the verdict beside it. */
  public ArchiveVerifier.Result verify(String id) throws IOException {
    ArchiveVerifier.Result result = ArchiveVerifier.verify(catalog.path(id), config.keyring());
    catalog.recordVerification(id, result);
    metrics.verified(result.verified());
    if (result.verified()) {
      LOG.info("Backup " + id + " verified");
    } else {
      LOG.warning("Backup " + id + " failed verification: " + result.problems());
    }
    return result;
  }

  /**
   * Fails early when the directory cannot hold the parts and the archive (about twice the newest
   * archive, or a third of the tables' size on disk for a first backup).
   */
  private void checkSpace(Path dir) throws IOException {
    long free = Files.getFileStore(dir).getUsableSpace();
    long estimate =
        catalog.list().stream()
            .max(Comparator.comparing(BackupEntry::created))
            .map(newest -> newest.bytes() + newest.bytes() / 10)
            .orElse(tablesBytes() / 3);
    long needed = 2 * estimate;
    if (free < needed) {
      throw new InsufficientSpaceException(
          "BACKUP_DIR "
              + dir
              + " has "
              + free / (1 << 20)
              + " MiB free; this backup needs about "
              + needed / (1 << 20)
              + " MiB");
    }
  }

  private long tablesBytes() {
    return jdbc.queryLong(
        "SELECT coalesce(sum(pg_table_size(oid)), 0) FROM pg_class"
            + " WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r'");
  }

  private static void progress(JobRun run, String phase, int percent, String id) {
    if (run != null) {
      run.progress(
          phase,
          percent,
          0,
          Json.createObjectBuilder().add("backupId", id).build().toString(),
          true);
    }
  }

  /** A backup that would not fit in {@code BACKUP_DIR}. */
  public static final class InsufficientSpaceException extends IOException {
    private static final long serialVersionUID = 1L;

    InsufficientSpaceException(String message) {
      super(message);
    }
  }
}
