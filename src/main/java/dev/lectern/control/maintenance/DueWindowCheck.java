package dev.lectern.control.maintenance;

import dev.lectern.control.maintenance.MaintenanceWindow.State;
import dev.lectern.platform.migration.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The timers' safety net, on every replica: once a second it looks at this replica's copy of the
 * open windows (no query) and starts or ends any that is due. A persistent timer whose replica is
 * down is only taken over by another one after the missed-task threshold (100 s), and the order in
 * which a restarted cluster runs the start and end timers it inherits is not guaranteed; this check
 * keeps a window on time whichever replica runs. The transitions are conditional updates, so the
 * timer and the checks of all replicas together still start and end a window once.
 */
@ApplicationScoped
public class DueWindowCheck {

  private static final Logger LOG = Logger.getLogger(DueWindowCheck.class.getName());

  @Inject MaintenanceWindowService windows;
  @Inject MaintenanceTransitions transitions;
  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> checks;

  synchronized void start(@Observes SchemaReady ready) {
    if (checks != null) {
      return;
    }
    checks = scheduler.scheduleWithFixedDelay(this::carryOutDue, 1, 1, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (checks != null) {
      checks.cancel(false);
    }
  }

  void carryOutDue() {
    Instant now = Instant.now();
    for (MaintenanceWindow window : windows.openWindows()) {
      try {
        if (!now.isBefore(window.end())) {
          transitions.end(window.id(), "due-window check");
        } else if (window.state() == State.SCHEDULED && !now.isBefore(window.start())) {
          transitions.begin(window.id(), "due-window check");
        }
      } catch (RuntimeException e) {
        // PostgreSQL away: the next second tries again, and readiness reports the outage.
        LOG.fine(() -> "Due maintenance window " + window.id() + " not carried out: " + e);
      }
    }
  }
}
