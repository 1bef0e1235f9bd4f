package dev.lectern.ops.backup;

import dev.lectern.ops.backup.archive.ArchiveManifest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Backup metrics. The ages and last results come from {@link BackupStatus} (the shared directory
 * and the drill table), so every replica reports the cluster's truth; counters are this replica's.
 */
@ApplicationScoped
public class BackupMetrics {

  @Inject MetricRegistry registry;
  @Inject BackupStatus status;

  private Counter backups;
  private Counter verifyFailures;

  /** Registers the series at start, so alerts on them hold before the first backup. */
  void start(@Observes Startup startup) {
    // the bean is created (and @PostConstruct registers) on this first use
  }

  @PostConstruct
  void init() {
    backups = registry.counter("lectern_backups_total");
    verifyFailures = registry.counter("lectern_backup_verify_failures_total");
    registry.gauge(
        "lectern_backup_last_success_timestamp_seconds",
        status,
        s -> epochSeconds(s.snapshot().lastBackupAt()));
    registry.gauge(
        "lectern_backup_last_duration_seconds", status, s -> s.snapshot().lastDurationSeconds());
    registry.gauge("lectern_backup_last_size_bytes", status, s -> s.snapshot().lastBytes());
    registry.gauge(
        "lectern_backup_last_verified", status, s -> s.snapshot().lastVerified() ? 1 : 0);
    registry.gauge(
        "lectern_backup_last_verified_age_seconds",
        status,
        s -> ageSeconds(s.snapshot().lastVerifiedBackupAt()));
    registry.gauge(
        "lectern_backup_drill_last_success_age_seconds",
        status,
        s -> ageSeconds(s.snapshot().lastDrillSuccessAt()));
    registry.gauge(
        "lectern_backup_drill_last_result",
        status,
        s -> Drill.SUCCESS.equals(s.snapshot().lastDrillResult()) ? 1 : 0,
        new Tag("meaning", "1=SUCCESS"));
    registry.gauge("lectern_backup_dir_free_bytes", status, s -> s.snapshot().freeBytes());
  }

  void backupTaken(ArchiveManifest manifest, long bytes, long nanos) {
    backups.inc();
    status.invalidate();
  }

  void verified(boolean ok) {
    if (!ok) {
      verifyFailures.inc();
    }
    status.invalidate();
  }

  void drilled(String result) {
    status.invalidate();
  }

  private static double epochSeconds(Instant instant) {
    return instant == null ? 0 : instant.getEpochSecond();
  }

  /** Seconds since {@code instant}; -1 when it never happened. */
  private static double ageSeconds(Instant instant) {
    return instant == null ? -1 : Instant.now().getEpochSecond() - instant.getEpochSecond();
  }
}
