package dev.lectern.control.retention;

import dev.lectern.platform.config.CronSchedule;
import dev.lectern.platform.migration.SchemaReady;
import dev.lectern.platform.migration.StartupTasks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Sets the sweep's timer to {@code RETENTION_SCHEDULE} once the schema is ready (the timer store is
 * in the same database); a malformed schedule is logged and the timer left as it was.
 */
@ApplicationScoped
public class RetentionSchedule {

  private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

  @Inject RetentionTimer timer;
  @Inject RetentionConfig config;
  @Inject StartupTasks tasks;

  void start(@Observes SchemaReady ready) {
    String schedule;
    try {
      schedule = CronSchedule.normalise(config.schedule());
    } catch (IllegalArgumentException e) {
      LOG.severe("RETENTION_SCHEDULE is not used: " + e.getMessage());
      return;
    }
    tasks.runUntilDone("Setting the retention timer", () -> timer.reconcile(schedule));
  }
}
