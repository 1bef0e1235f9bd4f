package dev.lectern.ops.backup;

import dev.lectern.platform.config.CronSchedule;
import dev.lectern.platform.migration.SchemaReady;
import dev.lectern.platform.migration.StartupTasks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
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
  @Inject StartupTasks tasks;

  void start(@Observes SchemaReady ready) {
    Map<String, String> schedules = new LinkedHashMap<>();
    add(schedules, BackupTimers.BACKUP, "BACKUP_SCHEDULE", config.backupSchedule());
    add(schedules, BackupTimers.DRILL, "DRILL_SCHEDULE", config.drillSchedule());
    add(schedules, BackupTimers.RETENTION, "BACKUP_RETENTION_SCHEDULE", config.retentionSchedule());
    tasks.runUntilDone("Setting the backup timers", () -> timers.reconcile(schedules));
  }

  private static void add(Map<String, String> schedules, String name, String key, String text) {
    try {
      schedules.put(name, CronSchedule.normalise(text));
    } catch (IllegalArgumentException e) {
      LOG.log(Level.SEVERE, key + " is not used: " + e.getMessage());
    }
  }
}
