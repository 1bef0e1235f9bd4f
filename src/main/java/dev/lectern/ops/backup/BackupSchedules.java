package dev.lectern.ops.backup;

import dev.lectern.platform.migration.SchemaReady;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the schedules from the configuration and has {@link BackupTimers} match them once the
 * schema is ready (the timer store is in the same database). A malformed schedule is logged and its
 * timer left as it was; the others are still reconciled.
 */
@ApplicationScoped
public class BackupSchedules {

  private static final Logger LOG = Logger.getLogger(BackupSchedules.class.getName());

  @Inject BackupTimers timers;
  @Inject BackupConfig config;
  @Resource ManagedScheduledExecutorService scheduler;

  void start(@Observes SchemaReady ready) {
    scheduler.schedule(this::reconcile, 0, TimeUnit.SECONDS);
  }

  /**
   * Off the startup path: a timer store problem must not keep the server out of readiness. A
   * failure is logged and retried every minute until it succeeds.
   */
  private void reconcile() {
    Map<String, String> schedules = new LinkedHashMap<>();
    add(schedules, CronSchedule.BACKUP, "BACKUP_SCHEDULE", config.backupSchedule());
    add(schedules, CronSchedule.DRILL, "DRILL_SCHEDULE", config.drillSchedule());
    add(schedules, CronSchedule.RETENTION, "BACKUP_RETENTION_SCHEDULE", config.retentionSchedule());
    try {
      timers.reconcile(schedules);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Backup schedules not set up; retrying in a minute", e);
      scheduler.schedule(this::reconcile, 60, TimeUnit.SECONDS);
    }
  }

  private static void add(Map<String, String> schedules, String name, String key, String text) {
    String normalised = String.join(" ", text.trim().split("\\s+"));
    if (!CronSchedule.OFF.equalsIgnoreCase(normalised)) {
      try {
        CronSchedule.parse(normalised);
      } catch (IllegalArgumentException e) {
        LOG.log(Level.SEVERE, key + " is not used: " + e.getMessage());
        return;
      }
    }
    schedules.put(
        name, CronSchedule.OFF.equalsIgnoreCase(normalised) ? CronSchedule.OFF : normalised);
  }
}
