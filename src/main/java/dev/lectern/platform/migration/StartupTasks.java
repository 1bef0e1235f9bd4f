package dev.lectern.platform.migration;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Start-up work that must not keep a server out of readiness, such as setting persistent timers
 * whose store is in the database: run off the start-up path, and again every minute until it
 * succeeds, each failure logged.
 */
@ApplicationScoped
public class StartupTasks {

  private static final Logger LOG = Logger.getLogger(StartupTasks.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  /** Runs {@code work} now in the background; {@code what} names it in the log. */
  public void runUntilDone(String what, Runnable work) {
    scheduler.schedule(() -> attempt(what, work), 0, TimeUnit.SECONDS);
  }

  private void attempt(String what, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, what + " failed; retrying in a minute", e);
      scheduler.schedule(() -> attempt(what, work), 60, TimeUnit.SECONDS);
    }
  }
}
