package dev.lectern.control.audit;

import dev.lectern.platform.db.Direct;
import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.retention.PurgeBatches;
import dev.lectern.platform.retention.RetentionPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Audit rows older than {@code AUDIT_RETENTION_DAYS}. The table refuses any other delete: the purge
 * first tells it the retention in force ({@code audit_retention}), which its trigger reads.
 */
@ApplicationScoped
public class AuditPurge implements RetentionPurge {

  private static final String OLD = "occurred_at < now() - make_interval(days => ?)";

  @Inject AuditConfig config;
  @Inject @Direct Jdbc jdbc;

  @Override
  public String category() {
    return "audit-log";
  }

  @Override
  public String keeps() {
    return "audit rows for " + config.retentionDays() + " days (AUDIT_RETENTION_DAYS, at least 1)";
  }

  @Override
  public long count() {
    return jdbc.queryLong("SELECT count(*) FROM audit_log WHERE " + OLD, days());
  }

  @Override
  public long purge(PurgeBatches batches) {
    jdbc.update("UPDATE audit_retention SET days = ? WHERE id = 1", days());
    return batches.delete("audit_log", OLD, days());
  }

  private int days() {
    if (config.retentionDays() < 1) {
      throw new IllegalStateException(
          "AUDIT_RETENTION_DAYS must be at least 1: " + config.retentionDays());
    }
    return config.retentionDays();
  }
}
