package dev.lectern.control.maintenance;

import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.logging.Logger;

/**
 * The persistent timers that start and end windows. Their store is shared by every replica, so a
 * timer fires once per cluster: on time while the replica holding it runs, within the missed-task
 * threshold on another one when it does not, and after a restart of every replica. A timer is never
 * cancelled: when it fires, the window's stored state and times decide whether it still has
 * anything to do (a cancelled window, or an end moved later, makes it a no-op).
 */
@Singleton
public class MaintenanceWindowTimer {

  private static final String NAME = "maintenance-window";
  private static final Logger LOG = Logger.getLogger(MaintenanceWindowTimer.class.getName());

  @Resource TimerService timers;
  @Inject MaintenanceTransitions transitions;

  /** Starts the window at {@code at}; joins the caller's transaction. */
  public void scheduleStart(long id, Instant at) {
    schedule("start", id, at);
  }

  /** Ends the window at {@code at}; joins the caller's transaction. */
  public void scheduleEnd(long id, Instant at) {
    schedule("end", id, at);
  }

  private void schedule(String phase, long id, Instant at) {
    timers.createSingleActionTimer(
        Date.from(at), new TimerConfig(NAME + "|" + phase + "|" + id, true));
  }

  @Timeout
  void fire(Timer timer) {
    String[] info = String.valueOf(timer.getInfo()).split("\\|");
    if (info.length != 3 || !info[0].equals(NAME)) {
      LOG.warning("Unknown maintenance timer ignored: " + timer.getInfo());
      return;
    }
    long id = Long.parseLong(info[2]);
    if (info[1].equals("start")) {
      transitions.begin(id, "timer");
    } else {
      transitions.end(id, "timer");
    }
  }
}
