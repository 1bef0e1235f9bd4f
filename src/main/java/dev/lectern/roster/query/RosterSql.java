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
    return page(view, request, where(view, boundary, request.filter()), request.offset());
  }

  /**
   * A deep page in the default order, seeking past {@code anchor} (the sourcedId just before
   * position {@code offset - skip}) instead of walking every earlier row with OFFSET.
   */
  public static SqlFragment pageAfter(
      RosterView view,
      CollectionRequest request,
      Optional<SqlFragment> boundary,
      String anchor,
      int skip) {
    SqlFragment seek =
        SqlFragment.of("t.sourced_id " + (request.descending() ? "<" : ">") + " ?", anchor);
    return page(view, request, where(view, boundary, request.filter(), seek), skip);
  }

  /**
   * Every {@code step}-th sourcedId of the collection in the default order: the anchors deep pages
   * seek from. One pass over the collection, like its count.
   */
  public static SqlFragment anchors(
      RosterView view, CollectionRequest request, Optional<SqlFragment> boundary, int step) {
    SqlFragment where = where(view, boundary, request.filter());
    List<Object> parameters = new ArrayList<>(where.parameters());
    parameters.add(step);
    return new SqlFragment(
        "SELECT a.sourced_id FROM (SELECT t.sourced_id, row_number() OVER (ORDER BY t.sourced_id"
            + (request.descending() ? " DESC" : " ASC")
            + ") AS n FROM "
            + view.type().table()
            + " t"
            + where.sql()
            + ") a WHERE a.n % ? = 0 ORDER BY a.n",
        List.copyOf(parameters));
  }

  private static SqlFragment page(
      RosterView view, CollectionRequest request, SqlFragment where, int offset) {
    String direction = request.descending() ? " DESC" : " ASC";
    String order =
        request.sort().map(f -> "t." + f.select() + direction + ", ").orElse("")
            + "t.sourced_id"
            + direction;
    List<Object> parameters = new ArrayList<>(where.parameters());
    parameters.add(request.limit());
    parameters.add(offset);
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
    SqlFragment where =
        where(view, boundary, Optional.empty(), SqlFragment.of("t.sourced_id = ?", sourcedId));
    return new SqlFragment(
        "SELECT " + columns(fields) + " FROM " + view.type().table() + " t" + where.sql(),
        where.parameters());
  }

  /** Whether a record is in a view and inside the caller's boundary. */
  public static SqlFragment exists(
      RosterView view, String sourcedId, Optional<SqlFragment> boundary) {
    SqlFragment where =
        where(view, boundary, Optional.empty(), SqlFragment.of("t.sourced_id = ?", sourcedId));
    return new SqlFragment(
        "SELECT 1 FROM " + view.type().table() + " t" + where.sql(), where.parameters());
  }

  private static SqlFragment where(
      RosterView view,
      Optional<SqlFragment> boundary,
      Optional<Filter> filter,
      SqlFragment... extra) {
    List<SqlFragment> conditions = new ArrayList<>();
    view.condition().ifPresent(conditions::add);
    boundary.ifPresent(conditions::add);
    filter.ifPresent(f -> conditions.add(FilterCompiler.compile(f, view.type())));
    conditions.addAll(List.of(extra));
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
