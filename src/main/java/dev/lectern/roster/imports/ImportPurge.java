package dev.lectern.roster.imports;

import dev.lectern.platform.retention.PurgeBatches;
import dev.lectern.platform.retention.RetentionPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Uploaded packages older than {@code IMPORT_RETENTION_DAYS} (a job whose package is gone cannot be
 * retried), and staging tables that no running job owns.
 */
@ApplicationScoped
public class ImportPurge implements RetentionPurge {

  @Inject ImportStorage storage;
  @Inject ImportHousekeeping housekeeping;
  @Inject ImportConfig config;

  @Override
  public String category() {
    return "import-packages";
  }

  @Override
  public String keeps() {
    return "uploaded packages for "
        + config.retentionDays()
        + " days (IMPORT_RETENTION_DAYS); staging tables while their job runs";
  }

  @Override
  public long count() {
    try {
      return storage.expired().size() + (long) housekeeping.orphanStaging().size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long purge(PurgeBatches batches) {
    try {
      return storage.purgeExpired() + (long) housekeeping.dropStaging(housekeeping.orphanStaging());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
