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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the schedules from the configuration and has {@link BackupTimers} match them once the
 * schema is ready (the timer store is in the same database). A malformed schedule is logged and its
 * timer left as it was; the others are still reconciled.
 */
@ApplicationScoped
public class BackupSchedules {

  private static final Logger LOG = Logger.getLogger(BackupSchedules.class.getName());

  @Inject BackupTimers timers;
  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "BACKUP_SCHEDULE", defaultValue = "0 0 2 * * *")
  String backup;

  @Inject
  @ConfigProperty(name = "DRILL_SCHEDULE", defaultValue = "0 0 4 * * Sun")
  String drill;

  @Inject
  @ConfigProperty(name = "BACKUP_RETENTION_SCHEDULE", defaultValue = "0 30 3 * * *")
  String retention;

  void start(@Observes SchemaReady ready) {
    scheduler.schedule(this::reconcile, 0, TimeUnit.SECONDS);
  }

  /**
   * Off the startup path: a timer store problem must not keep the server out of readiness. A
   * failure is logged and retried every minute until it succeeds.
   */
  private void reconcile() {
    Map<String, String> schedules = new LinkedHashMap<>();
    add(schedules, CronSchedule.BACKUP, "BACKUP_SCHEDULE", backup);
    add(schedules, CronSchedule.DRILL, "DRILL_SCHEDULE", drill);
    add(schedules, CronSchedule.RETENTION, "BACKUP_RETENTION_SCHEDULE", retention);
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
