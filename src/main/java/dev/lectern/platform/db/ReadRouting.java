package dev.lectern.platform.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Chooses, per read, between the read replica and the primary. A read may go to the replica only
 * when the replica has replayed every transaction committed before the read began: the primary's
 * WAL position is taken first, then the replica's connection must show a replay position at or past
 * it. So an LMS's delta sync ({@code dateLastModified>} its last run) never misses a change that
 * committed before it asked, and a client reads its own writes, whichever node answers.
 */
@ApplicationScoped
public class ReadRouting {

  private static final String CAUGHT_UP_SQL =
      "SELECT (pg_last_wal_replay_lsn() - '0/0')::bigint >= ?";

  @Inject ReadReplica replica;

  @Inject StatementTimings timings;

  @Inject DatabaseConfig config;

  @Produces
  @RoutedReads
  Jdbc routedReads() {
    return config.hasReadReplica()
        ? new Jdbc(this::connection, timings, "reads")
        : new Jdbc(replica.primary(), timings, "requests");
  }

  private Connection connection() throws SQLException {
    if (replica.refusal().isEmpty()) {
      long needed = replica.primaryPosition();
      Connection candidate = null;
      try {
        candidate = replica.dataSource().getConnection();
        if (caughtUp(candidate, needed)) {
          replica.routed("replica", "caught_up");
          return candidate;
        }
        candidate.close();
        return onPrimary("behind");
      } catch (SQLException e) {
        closeQuietly(candidate);
        replica.refuse("the read replica is unreachable (" + e.getMessage() + ")");
        return onPrimary("unreachable");
      }
    }
    return onPrimary("refused");
  }

  private static boolean caughtUp(Connection candidate, long needed) throws SQLException {
    try (PreparedStatement statement = candidate.prepareStatement(CAUGHT_UP_SQL)) {
      statement.setLong(1, needed);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // The pool discards a broken connection; nothing more to do with it here.
      }
    }
  }

  private Connection onPrimary(String reason) throws SQLException {
    replica.routed("primary", reason);
    return replica.primary().getConnection();
  }
}
