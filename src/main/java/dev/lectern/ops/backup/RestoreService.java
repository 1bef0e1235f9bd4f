package dev.lectern.ops.backup;

import dev.lectern.control.audit.AuditOutcome;
import dev.lectern.control.audit.AuditService;
import dev.lectern.control.jobs.JobRun;
import dev.lectern.control.mode.ModeService;
import dev.lectern.control.mode.ModeState;
import dev.lectern.control.mode.OperatingMode;
import dev.lectern.ops.backup.archive.ArchiveException;
import dev.lectern.ops.backup.archive.ArchiveManifest;
import dev.lectern.ops.backup.archive.ArchiveVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Online restore. The archive is verified, Lectern switches to read-only on every replica, a
 * pre-restore backup is taken, the archive is loaded into a shadow schema (migrated forward when it
 * is older), and the roster tables are swapped in by one short transaction; then the previous mode
 * returns. Reads are served from the old tables until the swap. Any failure before the swap commits
 * leaves the old data in place. Security state (accounts, API keys, signing keys, audit log) and
 * operational history (jobs, drills, mode) are not rolled back: only roster data is.
 */
@ApplicationScoped
public class RestoreService {

  private static final Logger LOG = Logger.getLogger(RestoreService.class.getName());

  @Inject BackupCatalog catalog;
  @Inject BackupConfig config;
  @Inject BackupService backups;
  @Inject ModeService modes;
  @Inject AuditService audit;
  @Inject ShadowLoader shadows;
  @Inject RosterSwap swap;

  /** Restores {@code backupId}; answers a summary for the job. */
  public String restore(JobRun run, String backupId) throws IOException, InterruptedException {
    run.progress("verify", 2, 0, "{}", true);
    ArchiveVerifier.Result verdict =
        ArchiveVerifier.verify(catalog.path(backupId), config.keyring());
    if (!verdict.verified()) {
      throw new ArchiveException(
          "backup " + backupId + " failed verification: " + String.join("; ", verdict.problems()));
    }
    ArchiveManifest manifest = verdict.manifest();
    ModeState previous = modes.current();
    // Maintenance is stricter than read-only: an operator who chose it keeps it.
    if (modes.effective() != OperatingMode.MAINTENANCE) {
      modes.set(OperatingMode.READ_ONLY, "restore of " + backupId, null, "system");
    }
    audit.recordAs("system", "backup.restore.start", backupId, AuditOutcome.SUCCESS);
    try {
      // Every replica follows a mode change within a second (ModeService).
      Thread.sleep(1_100);
      run.progress("pre-restore backup", 10, 0, "{}", true);
      ArchiveManifest safety = backups.backup(run, "pre-restore");
      backups.verify(safety.id());
      run.checkCancelled();
      run.progress("load shadow", 40, 0, "{}", true);
      shadows.load(run, backupId, manifest, RosterSwap.SHADOW, 40, 85);
      run.checkCancelled();
      run.progress("swap", 90, manifest.rows(), "{}", true);
      int swapped = swap.swap(RosterSwap.SHADOW, config.swapLockTimeoutSeconds());
      String summary =
          "restored "
              + swapped
              + " roster tables from "
              + backupId
              + " (pre-restore backup "
              + safety.id()
              + ")";
      audit.recordAs("system", "backup.restore", backupId, AuditOutcome.SUCCESS);
      LOG.warning("Online restore: " + summary);
      return summary;
    } catch (Exception e) {
      audit.recordAs("system", "backup.restore", backupId, AuditOutcome.FAILURE);
      throw e;
    } finally {
      swap.dropQuietly(RosterSwap.SHADOW);
      Instant until = previous.until();
      boolean expired = until != null && !until.isAfter(Instant.now());
      OperatingMode back = expired ? OperatingMode.NORMAL : previous.mode();
      // The mode goes back with its holder, so a maintenance window that held it still ends it.
      boolean held = back != OperatingMode.NORMAL && previous.changedBy() != null;
      modes.set(
          back,
          back == OperatingMode.NORMAL ? "restore finished" : previous.reason(),
          expired ? null : until,
          held ? previous.changedBy() : "system");
    }
  }
}
