package bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The least any implementation of GET /users?limit=100 must do on this stack, for
 * bench/oneroster-read: the caller is authenticated by MP JWT as Lectern authenticates it
 * (WEB-INF/web.xml, Lectern's MP JWT settings), the statements of users-page.sql (packed beside
 * this class by run.sh, so both sides run the same SQL) run through Liberty's pool on Lectern's
 * data source, the anchor from memory as Lectern keeps it, and each column's bytes are copied into
 * the body with quotes around them: no escaping, envelope, references, paging headers or filters,
 * so the body is not even JSON.
 */
@Path("users")
public class MinimalUsersResource {

  /** Rows between two anchors, as in users-page.sql. */
  private static final int ANCHOR_STEP = 500;

  private static final String GENERATION = statement("roster_generation");
  private static final String PAGE =
      statement(":anchor").replace(":anchor", "?").replace(":skip", "?");

  private static volatile DataSource dataSource;
  private static volatile Map<Integer, String> anchors;

  @GET
  @Produces("application/json")
  public byte[] page(@QueryParam("offset") int offset) throws SQLException, NamingException {
    int n = offset / ANCHOR_STEP;
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try (Connection connection = dataSource().getConnection()) {
      try (PreparedStatement generation = connection.prepareStatement(GENERATION);
          ResultSet rows = generation.executeQuery()) {
        rows.next();
      }
      try (PreparedStatement page = connection.prepareStatement(PAGE)) {
        page.setString(1, anchors(connection).getOrDefault(n, ""));
        page.setInt(2, offset - n * ANCHOR_STEP);
        try (ResultSet rows = page.executeQuery()) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int column = 1; column <= columns; column++) {
              byte[] value = rows.getBytes(column);
              out.write('"');
              if (value != null) {
                out.write(value, 0, value.length);
              }
              out.write('"');
            }
          }
        }
      }
    }
    return out.toByteArray();
  }

  /** The statement of users-page.sql that contains {@code marker}, without its semicolon. */
  private static String statement(String marker) {
    try (InputStream in = MinimalUsersResource.class.getResourceAsStream("/users-page.sql")) {
      String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return script
          .lines()
          .filter(line -> line.startsWith("SELECT") && line.contains(marker))
          .map(line -> line.substring(0, line.lastIndexOf(';')))
          .findFirst()
          .orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DataSource dataSource() throws NamingException {
    if (dataSource == null) {
      dataSource = InitialContext.doLookup("jdbc/lectern");
    }
    return dataSource;
  }

  /** The anchors run.sh wrote to bench_anchor, read once. */
  private static Map<Integer, String> anchors(Connection connection) throws SQLException {
    if (anchors == null) {
      Map<Integer, String> read = new HashMap<>();
      try (PreparedStatement statement =
              connection.prepareStatement("SELECT n, sourced_id FROM bench_anchor");
          ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          read.put(rows.getInt(1), rows.getString(2));
        }
      }
      anchors = read;
    }
    return anchors;
  }
}
