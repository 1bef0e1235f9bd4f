package dev.lectern.platform.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One connection's statements, with positional parameters bound in order ({@link Instant} as a
 * timestamp) and every statement and result set closed before the method returns, each one timed
 * against {@code SLOW_QUERY_MS} and traced ({@link StatementTimings}). Work that needs more (COPY,
 * cursors) takes the {@link #connection()} itself, and is not timed: bulk work is long by nature.
 */
public final class SqlSession {

  private final Connection connection;
  private final StatementTimings timings;
  private final String origin;

  SqlSession(Connection connection, StatementTimings timings, String origin) {
    this.connection = connection;
    this.timings = timings;
    this.origin = origin;
  }

  public Connection connection() {
    return connection;
  }

  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
    List<T> values = new ArrayList<>();
    long start = System.nanoTime();
    try (PreparedStatement statement = prepare(sql, params);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        values.add(mapper.map(rows));
      }
    } finally {
      timings.finished(origin, sql, start);
    }
    return values;
  }

  public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    long start = System.nanoTime();
    try (PreparedStatement statement = prepare(sql, params);
        ResultSet rows = statement.executeQuery()) {
      return rows.next() ? Optional.ofNullable(mapper.map(rows)) : Optional.empty();
    } finally {
      timings.finished(origin, sql, start);
    }
  }

  /** The first column of the one row a query such as {@code SELECT count(*)} answers. */
  public long queryLong(String sql, Object... params) throws SQLException {
    return first(sql, row -> row.getLong(1), params).orElseThrow();
  }

  /** Runs an INSERT, UPDATE or DELETE and answers how many rows it changed. */
  public int update(String sql, Object... params) throws SQLException {
    long start = System.nanoTime();
    try (PreparedStatement statement = prepare(sql, params)) {
      return statement.executeUpdate();
    } finally {
      timings.finished(origin, sql, start);
    }
  }

  /** Runs one statement once per item, sent as one batch. */
  public <T> void batch(String sql, Collection<T> items, ItemBinder<T> binder) throws SQLException {
    if (items.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (T item : items) {
        binder.bind(statement, item);
        statement.addBatch();
      }
      statement.executeBatch();
    } finally {
      timings.finished(origin, sql, start);
    }
  }

  /**
   * Takes a cluster-wide lock held until this transaction ends; the session must be in one ({@link
   * Jdbc#inTransaction}).
   */
  public void lock(AdvisoryLock lock) throws SQLException {
    first("SELECT pg_advisory_xact_lock(?)", row -> null, lock.id());
  }

  /** A PostgreSQL array parameter, such as {@code array("uuid", ids)}. */
  public Array array(String elementType, Collection<?> values) throws SQLException {
    return connection.createArrayOf(elementType, values.toArray());
  }

  private PreparedStatement prepare(String sql, Object... params) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < params.length; i++) {
        Object p = params[i];
        statement.setObject(i + 1, p instanceof Instant instant ? Timestamp.from(instant) : p);
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  /** Binds one batch item's parameters. */
  @FunctionalInterface
  public interface ItemBinder<T> {
    void bind(PreparedStatement statement, T item) throws SQLException;
  }
}
