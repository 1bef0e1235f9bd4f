package dev.lectern.ops.backup;

import dev.lectern.control.jobs.JobService;
import dev.lectern.control.jobs.JobType;
import dev.lectern.platform.config.CronSchedule;
import dev.lectern.platform.db.AdvisoryLock;
import dev.lectern.platform.db.ClusterLocks;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The backup, drill and retention schedules as persistent EJB timers. Their store is in PostgreSQL,
 * shared by every replica, so each tick fires on exactly one server (and on another if that one is
 * down). Timers are reconciled with the configuration at start by one server at a time under an
 * advisory lock: a missing timer is created, a changed schedule replaces its timer, {@code off}
 * removes it. A tick only queues work (a job, or the retention sweep), so a retried tick cannot run
 * a backup twice at once.
 */
@Singleton
public class BackupTimers {

  static final String BACKUP = "backup";
  static final String DRILL = "drill";
  static final String RETENTION = "retention";

  private static final Logger LOG = Logger.getLogger(BackupTimers.class.getName());

  @Resource TimerService timers;
  @Inject ClusterLocks locks;
  @Inject JobService jobs;
  @Inject BackupRetention retention;

  /**
   * Makes the named timers match {@code schedules} (timer name to cron text or {@code off}); timers
   * of names not in the map are left as they are.
   */
  public void reconcile(Map<String, String> schedules) {
    locks.lock(AdvisoryLock.BACKUP_TIMERS);
    Map<String, String> wanted = new HashMap<>(schedules);
    for (Timer timer : timers.getTimers()) {
      String info = String.valueOf(timer.getInfo());
      String name = info.substring(0, Math.max(0, info.indexOf('|')));
      String cron = info.substring(info.indexOf('|') + 1);
      if (!schedules.containsKey(name)) {
        continue;
      }
      if (cron.equals(wanted.get(name))) {
        wanted.remove(name);
      } else {
        timer.cancel();
        LOG.info("Backup timer " + name + " (" + cron + ") removed");
      }
    }
    wanted.forEach(
        (name, cron) -> {
          if (!CronSchedule.OFF.equals(cron)) {
            timers.createCalendarTimer(
                CronSchedule.parse(cron), new TimerConfig(name + "|" + cron, true));
            LOG.info("Backup timer " + name + " created: " + cron);
          }
        });
  }

  @Timeout
  void tick(Timer timer) {
    String info = String.valueOf(timer.getInfo());
    String name = info.substring(0, Math.max(0, info.indexOf('|')));
    try {
      switch (name) {
        case BackupTimers.BACKUP ->
            jobs.submit(
                JobType.BACKUP,
                Json.createObjectBuilder().add("trigger", "schedule").build().toString(),
                "system");
        case BackupTimers.DRILL -> jobs.submit(JobType.DRILL, "{}", "system");
        case BackupTimers.RETENTION -> retention.sweep(false);
        default -> LOG.warning("Unknown backup timer " + info + " ignored");
      }
    } catch (Exception e) {
      // Not rethrown: a retried tick would queue a second backup. The next tick tries again.
      LOG.log(Level.WARNING, "Backup timer " + name + " failed", e);
    }
  }
}
