package dev.lectern.ops.backup;

import dev.lectern.platform.db.Direct;
import dev.lectern.platform.db.Jdbc;
import dev.lectern.roster.query.RosterGeneration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Swaps restored roster tables in: in one transaction the live tables move to a retired schema and
 * the shadow ones to {@code public} (indexes, constraints and sequences move with them), and the
 * roster generation is bumped so every replica's cached reads are dropped. Roster data means the
 * {@code roster_*} tables except {@code roster_generation}, which only ever counts up.
 */
@ApplicationScoped
public class RosterSwap {

  static final String SHADOW = "restore_shadow";
  static final String RETIRED = "restore_retired";

  private static final Logger LOG = Logger.getLogger(RosterSwap.class.getName());

  @Resource(lookup = "jdbc/lecternDirect")
  DataSource dataSource;

  @Inject @Direct Jdbc jdbc;

  /** Swaps the roster tables of {@code shadow} in; answers how many tables moved. */
  int swap(String shadow, int lockTimeoutSeconds) {
    dropQuietly(RETIRED);
    try {
      return jdbc.inTransaction(
          session -> {
            Connection c = session.connection();
            try (Statement s = c.createStatement()) {
              List<String> tables = rosterTables(c, shadow);
              if (tables.isEmpty()) {
                throw new SQLException("the shadow schema holds no roster tables");
              }
              s.execute("SET LOCAL lock_timeout = '" + Math.max(1, lockTimeoutSeconds) + "s'");
              s.execute("CREATE SCHEMA " + RETIRED);
              s.execute(
                  "LOCK TABLE "
                      + String.join(", ", tables.stream().map(t -> "public." + t).toList())
                      + " IN ACCESS EXCLUSIVE MODE");
              for (String table : tables) {
                s.execute("ALTER TABLE public." + table + " SET SCHEMA " + RETIRED);
              }
              for (String table : tables) {
                s.execute("ALTER TABLE " + shadow + "." + table + " SET SCHEMA public");
              }
              RosterGeneration.bump(c);
              return tables.size();
            }
          });
    } finally {
      dropQuietly(RETIRED);
    }
  }

  /** Roster tables present both live and in {@code shadow}; names from the catalogue. */
  private static List<String> rosterTables(Connection c, String shadow) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT l.tablename FROM pg_tables l JOIN pg_tables r ON r.tablename = l.tablename"
                + " AND r.schemaname = ? WHERE l.schemaname = 'public'"
                + " AND l.tablename LIKE 'roster\\_%' AND l.tablename <> 'roster_generation'"
                + " ORDER BY 1")) {
      s.setString(1, shadow);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          String table = rows.getString(1);
          if (!table.matches("[a-z_][a-z0-9_]*")) {
            throw new SQLException("unexpected roster table name " + table);
          }
          tables.add(table);
        }
      }
    }
    return tables;
  }

  /** Drops a restore schema and everything in it; failures are logged (retried next time). */
  void dropQuietly(String schema) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Could not drop schema " + schema, e);
    }
  }
}
