package dev.lectern.platform.db;

import java.sql.SQLException;

/**
 * A failed statement, as the layers above the repositories see it: unchecked, so services and
 * resources do not declare JDBC, and carrying the {@link SQLException} as its cause, so the error
 * mappers still tell an outage (503) from input PostgreSQL refuses (400) from a bug (500).
 */
public class DataAccessException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DataAccessException(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  /** The SQLSTATE PostgreSQL answered, such as {@code 23505} for a duplicate key. */
  public String sqlState() {
    return ((SQLException) getCause()).getSQLState();
  }
}
