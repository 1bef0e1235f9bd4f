package dev.lectern.roster.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** A piece of SQL with {@code ?} placeholders and the values to bind to them, in order. */
public record SqlFragment(String sql, List<Object> parameters) {

  /** No roster read may hold a connection longer than this. */
  private static final int QUERY_TIMEOUT_SECONDS = 30;

  public static SqlFragment of(String sql, Object... parameters) {
    return new SqlFragment(sql, List.of(parameters));
  }

  /** Both fragments, each in its own parentheses, so neither can widen the other. */
  public SqlFragment and(SqlFragment other) {
    List<Object> all = new java.util.ArrayList<>(parameters);
    all.addAll(other.parameters);
    return new SqlFragment("(" + sql + ") AND (" + other.sql + ")", List.copyOf(all));
  }

  public SqlFragment or(SqlFragment other) {
    List<Object> all = new java.util.ArrayList<>(parameters);
    all.addAll(other.parameters);
    return new SqlFragment("((" + sql + ") OR (" + other.sql + "))", List.copyOf(all));
  }

  /** The statement with its values bound and the roster reads' time limit set. */
  public PreparedStatement prepare(Connection connection) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
    return statement;
  }
}
