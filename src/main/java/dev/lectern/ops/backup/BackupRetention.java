package dev.lectern.ops.backup;

import dev.lectern.control.audit.AuditOutcome;
import dev.lectern.control.audit.AuditService;
import dev.lectern.ops.backup.archive.BackupFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Applies {@link RetentionPolicy} to the backup directory (by timer, or on request), deleting what
 * it does not keep with a log line and an audit record each; also removes work directories and
 * temporary files a killed server left behind.
 */
@ApplicationScoped
public class BackupRetention {

  private static final Logger LOG = Logger.getLogger(BackupRetention.class.getName());

  /** What a sweep deleted and kept, newest first. */
  public record Outcome(List<String> deleted, List<String> kept, boolean dryRun) {}

  @Inject BackupCatalog catalog;
  @Inject BackupConfig config;
  @Inject BackupStatus status;
  @Inject AuditService audit;

  public RetentionPolicy policy() {
    return config.retentionPolicy(ZoneId.systemDefault());
  }

  /** Deletes the backups the policy does not keep; {@code dryRun} only answers what it would. */
  public Outcome sweep(boolean dryRun) throws IOException {
    List<BackupEntry> entries = catalog.list();
    Set<String> keep =
        policy()
            .keep(
                entries.stream()
                    .map(e -> new RetentionPolicy.Candidate(e.id(), e.created(), e.trigger()))
                    .toList());
    List<String> deleted = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (BackupEntry entry : entries) {
      if (keep.contains(entry.id())) {
        kept.add(entry.id());
        continue;
      }
      deleted.add(entry.id());
      if (!dryRun) {
        catalog.delete(entry.id());
        LOG.info("Retention deleted backup " + entry.id() + " (" + entry.trigger() + ")");
        audit.recordAs("system", "backup.retention.delete", entry.id(), AuditOutcome.SUCCESS);
      }
    }
    if (!dryRun) {
      removeLeftovers();
      status.invalidate();
    }
    return new Outcome(deleted, kept, dryRun);
  }

  /** Work directories and temporary files older than a day: a backup that died mid-way. */
  private void removeLeftovers() throws IOException {
    Path dir = config.dir();
    if (!Files.isDirectory(dir)) {
      return;
    }
    Instant cutoff = Instant.now().minus(1, ChronoUnit.DAYS);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path leftover : files.toList()) {
        String name = leftover.getFileName().toString();
        if ((name.startsWith(".work-") || name.endsWith(".tmp"))
            && Files.getLastModifiedTime(leftover).toInstant().isBefore(cutoff)) {
          BackupFiles.deleteTree(leftover);
          LOG.info("Removed " + name + ", left in BACKUP_DIR by an interrupted backup");
        }
      }
    }
  }
}
