package dev.lectern.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The one way a repository runs SQL: each call borrows a connection from the pool, runs its
 * statements and gives it back, and a failure leaves as {@link DataAccessException}. The checked
 * {@link SQLException} stops here, at the repository, so services and resources stay free of JDBC;
 * the failure keeps its cause for the error mappers and readiness.
 *
 * <p>Inject it plainly for {@code jdbc/lectern}, whose connections join the caller's JTA
 * transaction, or with {@link Direct} for {@code jdbc/lecternDirect}, whose work commits on its own
 * terms ({@link #inTransaction}).
 */
public final class Jdbc {

  private final ConnectionSource connections;
  private final StatementTimings timings;
  private final String origin;

  /** A helper over the data source whose slow statements count under {@code origin}. */
  public Jdbc(DataSource dataSource, StatementTimings timings, String origin) {
    this(dataSource::getConnection, timings, origin);
  }

  /** A helper over connections chosen per call ({@link ReadRouting}). */
  Jdbc(ConnectionSource connections, StatementTimings timings, String origin) {
    this.connections = connections;
    this.timings = timings;
    this.origin = origin;
  }

  /** Where a call's connection comes from: a pool, or a choice between pools. */
  @FunctionalInterface
  interface ConnectionSource {
    Connection get() throws SQLException;
  }

  /** Runs the work on one connection, in whatever transaction the data source gives it. */
  public <T> T withConnection(SqlWork<T> work) {
    try (Connection connection = connections.get()) {
      return work.run(new SqlSession(connection, timings, origin));
    } catch (SQLException e) {
      throw new DataAccessException(e);
    }
  }

  /**
   * Runs the work in one local transaction: committed when it returns, rolled back when it throws.
   * Only for the {@link Direct} data source; the managed one takes part in JTA instead.
   */
  public <T> T inTransaction(SqlWork<T> work) {
    return withConnection(
        session -> {
          Connection connection = session.connection();
          connection.setAutoCommit(false);
          T result;
          try {
            result = work.run(session);
            connection.commit();
          } catch (Throwable failure) {
            try {
              connection.rollback();
            } catch (SQLException | RuntimeException rollback) {
              failure.addSuppressed(rollback);
            }
            throw failure;
          }
          connection.setAutoCommit(true);
          return result;
        });
  }

  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    return withConnection(session -> session.query(sql, mapper, params));
  }

  public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... params) {
    return withConnection(session -> session.first(sql, mapper, params));
  }

  public long queryLong(String sql, Object... params) {
    return withConnection(session -> session.queryLong(sql, params));
  }

  public int update(String sql, Object... params) {
    return withConnection(session -> session.update(sql, params));
  }
}
