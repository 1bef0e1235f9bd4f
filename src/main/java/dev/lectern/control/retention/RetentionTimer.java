package dev.lectern.control.retention;

import dev.lectern.platform.config.CronSchedule;
import dev.lectern.platform.db.AdvisoryLock;
import dev.lectern.platform.db.ClusterLocks;
import dev.lectern.platform.error.ApiException;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The nightly sweep as a persistent EJB timer: its store is shared by every replica, so each tick
 * fires on one server only. A tick only queues the sweep's job, which itself runs once at a time.
 */
@Singleton
public class RetentionTimer {

  private static final String NAME = "retention-sweep";
  private static final Logger LOG = Logger.getLogger(RetentionTimer.class.getName());

  @Resource TimerService timers;
  @Inject ClusterLocks locks;
  @Inject RetentionService retention;

  /** Makes the timer match {@code schedule} (normalised, or {@code off}), one replica at a time. */
  public void reconcile(String schedule) {
    locks.lock(AdvisoryLock.RETENTION_TIMER);
    boolean current = false;
    for (Timer timer : timers.getTimers()) {
      String info = String.valueOf(timer.getInfo());
      if (!current && info.equals(NAME + "|" + schedule)) {
        current = true;
      } else if (info.startsWith(NAME + "|")) {
        timer.cancel();
        LOG.info("Retention timer " + info.substring(NAME.length() + 1) + " removed");
      }
    }
    if (!current && !CronSchedule.OFF.equals(schedule)) {
      timers.createCalendarTimer(
          CronSchedule.parse(schedule), new TimerConfig(NAME + "|" + schedule, true));
      LOG.info("Retention timer created: " + schedule);
    }
  }

  /** When the sweep runs next, on whichever replica. */
  public Optional<Instant> nextRun() {
    return timers.getTimers().stream()
        .filter(timer -> String.valueOf(timer.getInfo()).startsWith(NAME + "|"))
        .map(timer -> timer.getNextTimeout().toInstant())
        .findFirst();
  }

  @Timeout
  void tick(Timer timer) {
    try {
      retention.start(false, "system");
    } catch (ApiException busy) {
      LOG.info("Retention sweep not started: " + busy.getMessage());
    } catch (RuntimeException e) {
      // Not rethrown: the next tick tries again, and a retried tick must not queue twice.
      LOG.log(Level.WARNING, "Retention sweep could not be queued", e);
    }
  }
}
