package dev.lectern.roster.query;

import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.db.RoutedReads;
import dev.lectern.roster.model.Field;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Runs OneRoster reads built by {@link RosterSql} and renders the rows as they stream out of the
 * result set: one statement for the page, one for the total, on one connection.
 */
@ApplicationScoped
public class RosterQueryService {

  @Inject @RoutedReads Jdbc jdbc;

  @Inject RosterPaging paging;

  public RosterPage collection(
      RosterView view, CollectionRequest request, Optional<SqlFragment> boundary, String baseUrl) {
    return jdbc.withConnection(
        session -> collection(session.connection(), view, request, boundary, baseUrl));
  }

  private RosterPage collection(
      Connection connection,
      RosterView view,
      CollectionRequest request,
      Optional<SqlFragment> boundary,
      String baseUrl)
      throws SQLException {
    RosterJsonWriter writer = new RosterJsonWriter(baseUrl);
    JsonBytes out = new JsonBytes(64 * 1024);
    long generation = paging.generation(connection);
    long total = paging.total(connection, generation, RosterSql.count(view, request, boundary));
    SqlFragment pageSql = pageSql(connection, generation, view, request, boundary, total);
    out.append('{').key(view.envelope()).append('[');
    try (PreparedStatement page = pageSql.prepare(connection);
        ResultSet rows = page.executeQuery()) {
      for (int row = 0; rows.next(); row++) {
        writer.writeRow(row == 0 ? out : out.append(','), rows, request.fields());
      }
    }
    out.append(']').append('}');
    return new RosterPage(out.toByteArray(), total);
  }

  /**
   * The page statement: a seek from the nearest anchor for deep pages in the default order, plain
   * OFFSET otherwise (an explicit sort, a shallow page, a page past the end).
   */
  private SqlFragment pageSql(
      Connection connection,
      long generation,
      RosterView view,
      CollectionRequest request,
      Optional<SqlFragment> boundary,
      long total)
      throws SQLException {
    int n = request.offset() / RosterPaging.ANCHOR_STEP;
    if (request.sort().isEmpty() && n >= 1 && request.offset() < total) {
      Optional<String> anchor =
          paging.anchor(
              connection,
              generation,
              RosterSql.anchors(view, request, boundary, RosterPaging.ANCHOR_STEP),
              n);
      if (anchor.isPresent()) {
        return RosterSql.pageAfter(
            view, request, boundary, anchor.get(), request.offset() - n * RosterPaging.ANCHOR_STEP);
      }
    }
    return RosterSql.page(view, request, boundary);
  }

  /** One object as {@code {"<envelope>": {...}}}, or empty when it is not in the view. */
  public Optional<byte[]> single(
      RosterView view,
      String envelope,
      String sourcedId,
      List<Field> fields,
      Optional<SqlFragment> boundary,
      String baseUrl) {
    return jdbc.withConnection(
        session -> {
          try (PreparedStatement statement =
                  RosterSql.single(view, sourcedId, fields, boundary)
                      .prepare(session.connection());
              ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
              return Optional.empty();
            }
            JsonBytes out = new JsonBytes(4096);
            new RosterJsonWriter(baseUrl).writeRow(out.append('{').key(envelope), rows, fields);
            return Optional.of(out.append('}').toByteArray());
          }
        });
  }

  /**
   * Whether an object is in a view and inside a boundary, for nested routes whose parent must be
   * one the caller may see.
   */
  public boolean exists(RosterView view, String sourcedId, Optional<SqlFragment> boundary) {
    return jdbc.withConnection(
        session -> {
          try (PreparedStatement statement =
                  RosterSql.exists(view, sourcedId, boundary).prepare(session.connection());
              ResultSet rows = statement.executeQuery()) {
            return rows.next();
          }
        });
  }
}
