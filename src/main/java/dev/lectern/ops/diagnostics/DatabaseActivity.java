package dev.lectern.ops.diagnostics;

import dev.lectern.platform.db.Direct;
import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.db.SqlText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Lectern's database as PostgreSQL sees it: backends, lock waits, and signals to one of them. Asked
 * through the jobs' pool ({@code jdbc/lecternDirect}), so it still answers when the request pool is
 * the one exhausted.
 */
@ApplicationScoped
public class DatabaseActivity {

  private static final int MAX_BACKENDS = 200;

  /**
   * Backends Lectern may signal, as PostgreSQL decides it: its own database, never its own asking
   * session, a client backend whose role Lectern's role has the privileges of (its own login), and
   * no superuser's unless Lectern's role is one. Another login of a password rotation is not one of
   * them unless that role is granted to Lectern's.
   */
  private static final String SIGNALABLE =
      "(a.datname = current_database() AND a.pid <> pg_backend_pid()"
          + " AND a.backend_type = 'client backend'"
          + " AND COALESCE(pg_has_role(current_user, r.oid, 'USAGE')"
          + " AND (NOT r.rolsuper OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)),"
          + " false))";

  private static final String ORDER =
      " ORDER BY (a.state = 'active') DESC NULLS LAST, a.query_start NULLS LAST";

  private static final String BACKENDS =
      "SELECT a.pid, a.usename, a.application_name, host(a.client_addr), a.state,"
          + " a.wait_event_type, a.wait_event,"
          + " CASE WHEN a.state <> 'idle' THEN"
          + " (extract(epoch FROM clock_timestamp() - a.query_start) * 1000)::bigint END,"
          + " (extract(epoch FROM clock_timestamp() - a.xact_start) * 1000)::bigint,"
          + " a.query, "
          + SIGNALABLE
          + " FROM pg_stat_activity a LEFT JOIN pg_roles r ON r.oid = a.usesysid"
          + " WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()"
          + ORDER;

  private static final String BLOCKED =
      "SELECT a.pid, b.pid,"
          + " (extract(epoch FROM clock_timestamp() - a.query_start) * 1000)::bigint, a.query"
          + " FROM pg_stat_activity a CROSS JOIN LATERAL unnest(pg_blocking_pids(a.pid)) AS b(pid)"
          + " WHERE a.datname = current_database() ORDER BY a.query_start LIMIT "
          + MAX_BACKENDS;

  @Inject @Direct Jdbc jdbc;

  public List<Backend> backends() {
    return jdbc.query(BACKENDS + " LIMIT " + MAX_BACKENDS, DatabaseActivity::backend);
  }

  /** The backend whose open transaction is oldest, however many backends there are. */
  public Optional<Backend> longestTransaction() {
    return jdbc.first(
        BACKENDS.replace(ORDER, " AND a.xact_start IS NOT NULL ORDER BY a.xact_start") + " LIMIT 1",
        DatabaseActivity::backend);
  }

  public List<BlockedBackend> blocked() {
    return jdbc.query(
        BLOCKED,
        row ->
            new BlockedBackend(
                row.getInt(1),
                row.getInt(2),
                nullableLong(row, 3),
                SqlText.masked(row.getString(4))));
  }

  /**
   * Sends the signal to the backend when Lectern may; empty when no such backend is Lectern's, else
   * whether PostgreSQL delivered it (false: the process ended meanwhile).
   */
  public Optional<Boolean> signal(int pid, BackendSignal signal) {
    return jdbc.first(
        "SELECT "
            + signal.function()
            + "(a.pid) FROM pg_stat_activity a LEFT JOIN pg_roles r ON r.oid = a.usesysid"
            + " WHERE a.pid = ? AND "
            + SIGNALABLE,
        row -> row.getBoolean(1),
        pid);
  }

  private static Backend backend(ResultSet row) throws SQLException {
    return new Backend(
        row.getInt(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        row.getString(5),
        row.getString(6),
        row.getString(7),
        nullableLong(row, 8),
        nullableLong(row, 9),
        SqlText.masked(row.getString(10)),
        row.getBoolean(11));
  }

  private static Long nullableLong(ResultSet row, int column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }
}
