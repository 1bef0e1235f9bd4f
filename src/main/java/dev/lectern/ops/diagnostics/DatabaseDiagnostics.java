package dev.lectern.ops.diagnostics;

import dev.lectern.platform.db.DataAccessException;
import dev.lectern.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The database report for the person on call, and the signals they may send. The pools are read
 * first and apart, so a database that cannot be asked still yields the half that says why.
 */
@ApplicationScoped
public class DatabaseDiagnostics {

  private static final Logger LOG = Logger.getLogger(DatabaseDiagnostics.class.getName());
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  @Inject ConnectionPools pools;
  @Inject DatabaseActivity activity;

  public DatabaseReport report() {
    List<PoolStats> poolStats = pools.all();
    try {
      return new DatabaseReport(
          poolStats,
          activity.backends(),
          activity.blocked(),
          activity.longestTransaction().orElse(null),
          null);
    } catch (DataAccessException e) {
      LOG.log(Level.WARNING, "Database activity could not be read (SQLState {0})", e.sqlState());
      return new DatabaseReport(
          poolStats,
          List.of(),
          List.of(),
          null,
          "PostgreSQL could not be asked (SQLState " + e.sqlState() + ").");
    }
  }

  /**
   * Signals one of Lectern's backends. 404 for a pid that is not one (another database, another
   * role, gone); 403 when PostgreSQL refuses Lectern the signal; 409 when it ended meanwhile.
   */
  public void signal(int pid, BackendSignal signal) {
    boolean delivered;
    try {
      delivered =
          activity
              .signal(pid, signal)
              .orElseThrow(
                  () ->
                      new ApiException(
                          404,
                          "backend_not_found",
                          "No backend " + pid + " of Lectern's database and role."));
    } catch (DataAccessException e) {
      if (Objects.equals(e.sqlState(), INSUFFICIENT_PRIVILEGE)) {
        throw new ApiException(
            403, "signal_refused", "PostgreSQL does not let Lectern signal backend " + pid + ".");
      }
      throw e;
    }
    if (!delivered) {
      throw new ApiException(
          409,
          "signal_not_delivered",
          "Backend " + pid + " could not be signalled; it may have ended.");
    }
    LOG.log(Level.WARNING, "Backend {0} was sent {1}", new Object[] {pid, signal});
  }
}
