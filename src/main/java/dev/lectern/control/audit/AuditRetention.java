package dev.lectern.control.audit;

import dev.lectern.platform.migration.SchemaReady;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Removes audit rows older than {@code AUDIT_RETENTION_DAYS}, at start and every six hours. Every
 * replica sweeps; the delete is idempotent, so no coordination is needed.
 */
@ApplicationScoped
public class AuditRetention {

  private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

  @Inject AuditRepository audit;
  @Inject AuditConfig config;
  @Resource ManagedScheduledExecutorService scheduler;

  void start(@Observes SchemaReady ready) {
    if (config.retentionDays() < 1) {
      throw new IllegalStateException(
          "AUDIT_RETENTION_DAYS must be at least 1: " + config.retentionDays());
    }
    scheduler.scheduleWithFixedDelay(this::sweep, 0, 6, TimeUnit.HOURS);
  }

  void sweep() {
    try {
      int removed = audit.applyRetention(config.retentionDays());
      if (removed > 0) {
        LOG.info(
            () ->
                "Audit retention: removed "
                    + removed
                    + " rows older than "
                    + config.retentionDays()
                    + " days");
      }
    } catch (RuntimeException e) {
      LOG.warning("Audit retention sweep failed, next try in six hours: " + e.getMessage());
    }
  }
}
