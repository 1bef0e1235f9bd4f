package dev.lectern.ops.backup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The state of backups for health data and metrics, read from the backup directory and the drill
 * table and kept for 30 seconds, so scrapes and health calls never walk the directory each time.
 */
@ApplicationScoped
public class BackupStatus {

  private static final Logger LOG = Logger.getLogger(BackupStatus.class.getName());
  private static final long TTL_NANOS = 30_000_000_000L;
  private static final long RETRY_NANOS = 5_000_000_000L;

  /** What the last scan found; instants are null when the event never happened. */
  public record Snapshot(
      Instant lastBackupAt,
      long lastBytes,
      double lastDurationSeconds,
      boolean lastVerified,
      Instant lastVerifiedBackupAt,
      Instant lastDrillSuccessAt,
      String lastDrillResult,
      long freeBytes,
      int backups,
      int unreadable) {

    static final Snapshot EMPTY = new Snapshot(null, 0, 0, false, null, null, null, 0, 0, 0);
  }

  @Inject BackupCatalog catalog;
  @Inject BackupConfig config;
  @Inject DrillRepository drills;

  private volatile Snapshot snapshot = Snapshot.EMPTY;
  private volatile boolean fresh;
  private volatile long refreshAt;

  public Snapshot snapshot() {
    if (!current()) {
      refresh();
    }
    return snapshot;
  }

  /** Whether the backup directory holds archives this server cannot open. */
  public boolean hasUnreadable() {
    return snapshot().unreadable() > 0;
  }

  void invalidate() {
    fresh = false;
  }

  private boolean current() {
    return fresh && System.nanoTime() - refreshAt < 0;
  }

  /** Health data: ages in seconds, or null when it never happened. */
  public Map<String, Object> healthData() {
    Snapshot s = snapshot();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("backups", s.backups());
    data.put("unreadableBackups", s.unreadable());
    data.put("lastBackupAt", s.lastBackupAt() == null ? null : s.lastBackupAt().toString());
    data.put("lastVerifiedBackupAgeSeconds", age(s.lastVerifiedBackupAt()));
    data.put("lastSuccessfulDrillAgeSeconds", age(s.lastDrillSuccessAt()));
    data.put("lastDrillResult", s.lastDrillResult());
    data.put("backupDirFreeBytes", s.freeBytes());
    return data;
  }

  private synchronized void refresh() {
    if (current()) {
      return;
    }
    try {
      List<BackupEntry> entries = catalog.list();
      BackupEntry newest = entries.isEmpty() ? null : entries.get(0);
      Instant lastVerified =
          entries.stream()
              .filter(e -> Boolean.TRUE.equals(e.verified()))
              .map(BackupEntry::created)
              .findFirst()
              .orElse(null);
      var lastSuccess = drills.lastWith(Drill.SUCCESS);
      var lastDrill = drills.list(1, 0).stream().filter(d -> d.result() != null).findFirst();
      long free =
          Files.isDirectory(config.dir()) ? Files.getFileStore(config.dir()).getUsableSpace() : 0;
      snapshot =
          new Snapshot(
              newest == null ? null : newest.created(),
              newest == null ? 0 : newest.bytes(),
              newest == null || newest.manifest() == null
                  ? 0
                  : newest.manifest().dumpMillis() / 1000.0,
              newest != null && Boolean.TRUE.equals(newest.verified()),
              lastVerified,
              lastSuccess.map(Drill::finishedAt).orElse(null),
              lastDrill.map(Drill::result).orElse(null),
              free,
              entries.size(),
              (int) entries.stream().filter(e -> e.problem() != null).count());
      refreshAt = System.nanoTime() + TTL_NANOS;
    } catch (IOException | RuntimeException e) {
      // Shown as stale values; tried again in five seconds (the database may be down).
      LOG.log(Level.FINE, "Backup status unavailable", e);
      refreshAt = System.nanoTime() + RETRY_NANOS;
    }
    fresh = true;
  }

  private static Long age(Instant instant) {
    return instant == null ? null : Instant.now().getEpochSecond() - instant.getEpochSecond();
  }
}
