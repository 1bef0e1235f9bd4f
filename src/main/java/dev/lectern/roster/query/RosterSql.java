package dev.lectern.roster.query;

import dev.lectern.roster.model.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The SQL of OneRoster reads, assembled from an endpoint's view, the caller's boundary and the
 * caller's filter, each in its own parentheses so that none can widen another. Pure, so the
 * statements are unit-tested and the benchmark's raw-SQL baseline can be checked against them.
 */
public final class RosterSql {

  private RosterSql() {}

  /** One page: the selected fields, in a stable order, with limit and offset bound last. */
  public static SqlFragment page(
      RosterView view, CollectionRequest request, Optional<SqlFragment> boundary) {
    SqlFragment where = where(view, boundary, request.filter());
    String direction = request.descending() ? " DESC" : " ASC";
    String order =
        request.sort().map(f -> "t." + f.select() + direction + ", ").orElse("")
            + "t.sourced_id"
            + direction;
    List<Object> parameters = new ArrayList<>(where.parameters());
    parameters.add(request.limit());
    parameters.add(request.offset());
    return new SqlFragment(
        "SELECT "
            + columns(request.fields())
            + " FROM "
            + view.type().table()
            + " t"
            + where.sql()
            + " ORDER BY "
            + order
            + " LIMIT ? OFFSET ?",
        List.copyOf(parameters));
  }

  /** The size of the whole collection the page belongs to. */
  public static SqlFragment count(
      RosterView view, CollectionRequest request, Optional<SqlFragment> boundary) {
    SqlFragment where = where(view, boundary, request.filter());
    return new SqlFragment(
        "SELECT count(*) FROM " + view.type().table() + " t" + where.sql(), where.parameters());
  }

  /** One record of a view by sourcedId. */
  public static SqlFragment single(
      RosterView view, String sourcedId, List<Field> fields, Optional<SqlFragment> boundary) {
    SqlFragment where = where(view, boundary, Optional.empty(), sourcedId);
    return new SqlFragment(
        "SELECT " + columns(fields) + " FROM " + view.type().table() + " t" + where.sql(),
        where.parameters());
  }

  /** Whether a record is in a view. */
  public static SqlFragment exists(RosterView view, String sourcedId) {
    SqlFragment where = where(view, Optional.empty(), Optional.empty(), sourcedId);
    return new SqlFragment(
        "SELECT 1 FROM " + view.type().table() + " t" + where.sql(), where.parameters());
  }

  private static SqlFragment where(
      RosterView view, Optional<SqlFragment> boundary, Optional<Filter> filter, String... id) {
    List<SqlFragment> conditions = new ArrayList<>();
    view.condition().ifPresent(conditions::add);
    boundary.ifPresent(conditions::add);
    filter.ifPresent(f -> conditions.add(FilterCompiler.compile(f, view.type())));
    for (String sourcedId : id) {
      conditions.add(SqlFragment.of("t.sourced_id = ?", sourcedId));
    }
    if (conditions.isEmpty()) {
      return SqlFragment.of("");
    }
    SqlFragment all = conditions.get(0);
    for (SqlFragment next : conditions.subList(1, conditions.size())) {
      all = all.and(next);
    }
    return new SqlFragment(" WHERE (" + all.sql() + ")", all.parameters());
  }

  private static String columns(List<Field> fields) {
    return fields.stream()
        .map(f -> f.select().startsWith("array(") ? f.select() : "t." + f.select())
        .collect(Collectors.joining(", "));
  }
}
