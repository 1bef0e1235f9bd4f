package dev.lectern.control.maintenance;

import dev.lectern.control.audit.AuditOutcome;
import dev.lectern.control.audit.AuditService;
import dev.lectern.control.feed.ChangeFeed;
import dev.lectern.control.mode.ModeService;
import dev.lectern.control.mode.OperatingMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;

/**
 * Starting and ending windows, and ending one early. Each is one transaction: the window's state,
 * the operating mode, the audit row and the change-feed version commit together, and the state's
 * conditional update makes a second call (a timer retried, or fired on two replicas) change
 * nothing.
 */
@ApplicationScoped
public class MaintenanceTransitions {

  /** The change-feed topic of maintenance windows. */
  public static final String TOPIC = "maintenance-windows";

  private static final Logger LOG = Logger.getLogger(MaintenanceTransitions.class.getName());

  @Inject MaintenanceWindowRepository repository;
  @Inject ModeService modes;
  @Inject AuditService audit;
  @Inject ChangeFeed feed;

  /**
   * Puts the cluster in the window's mode until its end, if the window is due and scheduled; {@code
   * trigger} (the timer, or the due-window check) is only logged.
   */
  @Transactional
  public void begin(long id, String trigger) {
    repository
        .activate(id)
        .ifPresent(
            window -> {
              modes.set(
                  window.mode(),
                  "maintenance window " + id + ": " + window.reason(),
                  window.end(),
                  window.actor());
              audit.recordWithin(
                  "maintenance.window.start", describe(window), AuditOutcome.SUCCESS);
              feed.publish(TOPIC);
              LOG.warning(
                  "Maintenance window "
                      + id
                      + " started by the "
                      + trigger
                      + ": "
                      + describe(window));
            });
  }

  /** Ends a due window: back to normal, unless someone changed the mode by hand meanwhile. */
  @Transactional
  public void end(long id, String trigger) {
    repository
        .end(id)
        .ifPresent(
            window -> {
              boolean started = window.startedAt() != null;
              if (started) {
                releaseMode(window, "ended");
              }
              audit.recordWithin(
                  "maintenance.window.end",
                  describe(window) + (started ? "" : "; missed: no replica started it"),
                  started ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE);
              feed.publish(TOPIC);
              LOG.warning("Maintenance window " + id + " ended by the " + trigger);
            });
  }

  /** Gives the mode back if this window still holds it (decided on the stored row). */
  void releaseMode(MaintenanceWindow window, String how) {
    modes.setIfHeldBy(
        window.actor(),
        OperatingMode.NORMAL,
        "maintenance window " + window.id() + " " + how,
        null);
  }

  static String describe(MaintenanceWindow window) {
    return window.id()
        + " "
        + window.mode().label()
        + " "
        + window.start()
        + ".."
        + window.end()
        + ": "
        + window.reason();
  }
}
