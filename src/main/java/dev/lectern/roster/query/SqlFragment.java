package dev.lectern.roster.query;

import java.util.List;

/** A piece of SQL with {@code ?} placeholders and the values to bind to them, in order. */
public record SqlFragment(String sql, List<Object> parameters) {

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
}
