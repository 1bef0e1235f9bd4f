package dev.lectern.ops.backup;

import dev.lectern.platform.db.Direct;
import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.retention.PurgeBatches;
import dev.lectern.platform.retention.RetentionPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Records of restore drills older than {@code DRILL_RETENTION_DAYS}. */
@ApplicationScoped
public class DrillPurge implements RetentionPurge {

  private static final String OLD = "started_at < now() - make_interval(days => ?)";

  @Inject BackupConfig config;
  @Inject @Direct Jdbc jdbc;

  @Override
  public String category() {
    return "drills";
  }

  @Override
  public String keeps() {
    return "restore drill records for "
        + config.drillRetentionDays()
        + " days (DRILL_RETENTION_DAYS)";
  }

  @Override
  public long count() {
    return jdbc.queryLong(
        "SELECT count(*) FROM backup_drill WHERE " + OLD, config.drillRetentionDays());
  }

  @Override
  public long purge(PurgeBatches batches) {
    return batches.delete("backup_drill", OLD, config.drillRetentionDays());
  }
}
