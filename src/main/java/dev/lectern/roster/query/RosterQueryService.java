package dev.lectern.roster.query;

import dev.lectern.roster.model.Field;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Runs OneRoster reads: one statement for the page, one for the total, each assembled from the
 * endpoint's condition, the caller's access boundary and the caller's filter, every one in its own
 * parentheses so that none can widen another.
 */
@ApplicationScoped
public class RosterQueryService {

  private static final int QUERY_TIMEOUT_SECONDS = 30;

  @Resource(lookup = "jdbc/lectern")
  DataSource dataSource;

  public RosterPage collection(
      RosterView view, CollectionRequest request, Optional<SqlFragment> boundary, String baseUrl)
      throws SQLException {
    List<SqlFragment> conditions = conditions(view, boundary);
    request.filter().ifPresent(f -> conditions.add(FilterCompiler.compile(f, view.type())));
    SqlFragment where = where(conditions);
    String order =
        request
                .sort()
                .map(f -> "t." + f.select() + (request.descending() ? " DESC, " : " ASC, "))
                .orElse("")
            + "t.sourced_id"
            + (request.descending() ? " DESC" : " ASC");
    String sql =
        "SELECT "
            + columns(request.fields())
            + " FROM "
            + view.type().table()
            + " t"
            + where.sql()
            + " ORDER BY "
            + order
            + " LIMIT ? OFFSET ?";
    List<Object> parameters = new ArrayList<>(where.parameters());
    parameters.add(request.limit());
    parameters.add(request.offset());
    RosterJsonWriter writer = new RosterJsonWriter(baseUrl);
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try (Connection connection = dataSource.getConnection()) {
      long total = count(connection, view, where);
      try (PreparedStatement statement = prepare(connection, sql, parameters);
          ResultSet rows = statement.executeQuery();
          JsonGenerator json = Json.createGenerator(out)) {
        json.writeStartObject();
        json.writeStartArray(view.envelope());
        while (rows.next()) {
          writer.writeRow(json, rows, request.fields());
        }
        json.writeEnd();
        json.writeEnd();
      }
      return new RosterPage(out.toByteArray(), total);
    }
  }

  /** One object as {@code {"<singular>": {...}}}, or empty when it is not in the view. */
  public Optional<byte[]> single(
      RosterView view,
      String envelope,
      String sourcedId,
      List<Field> fields,
      Optional<SqlFragment> boundary,
      String baseUrl)
      throws SQLException {
    List<SqlFragment> conditions = conditions(view, boundary);
    conditions.add(SqlFragment.of("t.sourced_id = ?", sourcedId));
    SqlFragment where = where(conditions);
    String sql = "SELECT " + columns(fields) + " FROM " + view.type().table() + " t" + where.sql();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, sql, where.parameters());
        ResultSet rows = statement.executeQuery()) {
      if (!rows.next()) {
        return Optional.empty();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
      try (JsonGenerator json = Json.createGenerator(out)) {
        json.writeStartObject();
        json.writeKey(envelope);
        new RosterJsonWriter(baseUrl).writeRow(json, rows, fields);
        json.writeEnd();
      }
      return Optional.of(out.toByteArray());
    }
  }

  /** Whether an object is in a view, for nested routes whose parent must exist. */
  public boolean exists(RosterView view, String sourcedId) throws SQLException {
    List<SqlFragment> conditions = conditions(view, Optional.empty());
    conditions.add(SqlFragment.of("t.sourced_id = ?", sourcedId));
    SqlFragment where = where(conditions);
    String sql = "SELECT 1 FROM " + view.type().table() + " t" + where.sql();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, sql, where.parameters());
        ResultSet rows = statement.executeQuery()) {
      return rows.next();
    }
  }

  private static long count(Connection connection, RosterView view, SqlFragment where)
      throws SQLException {
    String sql = "SELECT count(*) FROM " + view.type().table() + " t" + where.sql();
    try (PreparedStatement statement = prepare(connection, sql, where.parameters());
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static List<SqlFragment> conditions(RosterView view, Optional<SqlFragment> boundary) {
    List<SqlFragment> conditions = new ArrayList<>();
    view.condition().ifPresent(conditions::add);
    boundary.ifPresent(conditions::add);
    return conditions;
  }

  private static SqlFragment where(List<SqlFragment> conditions) {
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

  private static PreparedStatement prepare(
      Connection connection, String sql, List<Object> parameters) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
    return statement;
  }
}
