package dev.lectern.ops.backup;

import dev.lectern.platform.retention.PurgeBatches;
import dev.lectern.platform.retention.RetentionPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Backup archives, as the retention API shows them beside the other categories. They keep their own
 * timer ({@code BACKUP_RETENTION_SCHEDULE}) and dry run ({@code POST
 * /api/v1/admin/backups/retention}); the sweep of the other categories leaves them alone.
 */
@ApplicationScoped
public class BackupArchivePurge implements RetentionPurge {

  @Inject BackupRetention retention;
  @Inject BackupConfig config;

  @Override
  public String category() {
    return "backups";
  }

  @Override
  public String keeps() {
    RetentionPolicy policy = retention.policy();
    return "scheduled backups: the newest of each of the last "
        + policy.daily()
        + " days, "
        + policy.weekly()
        + " weeks and "
        + policy.monthly()
        + " months; the newest "
        + policy.manual()
        + " manual, pre-restore and pre-migrate backups of each kind (BACKUP_RETENTION_*)";
  }

  @Override
  public long count() {
    try {
      return retention.sweep(true).deleted().size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long purge(PurgeBatches batches) {
    try {
      return retention.sweep(false).deleted().size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<String> ownSchedule() {
    return Optional.of(config.retentionSchedule().trim());
  }
}
