package dev.lectern.control.settings;

import java.util.logging.Logger;

/**
 * A replica's copy of a runtime setting, reloaded when the change feed announces its topic and
 * right after a change made here, so the replica that took the change applies it before it answers.
 */
public final class LocalCopy {

  private static final Logger LOG = Logger.getLogger(LocalCopy.class.getName());

  private LocalCopy() {}

  /**
   * Reloads after a change just committed here; should the read fail, the change stands and the
   * change feed's next round loads it, so the failure is not the caller's answer.
   */
  public static void reloadAfterChange(Runnable reload) {
    try {
      reload.run();
    } catch (RuntimeException e) {
      LOG.fine(() -> "Reload after a change left to the change feed: " + e);
    }
  }
}
