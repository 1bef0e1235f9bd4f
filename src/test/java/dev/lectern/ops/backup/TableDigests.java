package dev.lectern.ops.backup;

import dev.lectern.testing.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-table digests of ordered rows, computed in SQL by the test itself: equal maps mean two
 * databases hold exactly the same application rows.
 */
final class TableDigests {

  private TableDigests() {}

  /**
   * Every public table except Flyway's and Liberty's. {@code filters} restricts named tables to the
   * rows a comparison is about (e.g. without the backup's own job row).
   */
  static Map<String, String> of(String dbUrl, Map<String, String> filters) throws SQLException {
    Map<String, String> digests = new TreeMap<>();
    try (Connection c = Sql.connect(dbUrl);
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rows =
          s.executeQuery(
              "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                  + " AND tablename <> 'flyway_schema_history' AND tablename NOT LIKE 'wlpbatch%'"
                  + " AND tablename NOT LIKE 'ejbtimer%'")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      for (String table : tables) {
        String where = filters.containsKey(table) ? " WHERE " + filters.get(table) : "";
        try (ResultSet rows =
            s.executeQuery(
                "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY"
                    + " t::text)), '-') FROM "
                    + table
                    + " t"
                    + where)) {
          rows.next();
          digests.put(table, rows.getString(1));
        }
      }
    }
    return digests;
  }

  /** The roster tables' digests (every roster_* table but the generation counter). */
  static Map<String, String> roster(String dbUrl) throws SQLException {
    Map<String, String> roster = new TreeMap<>();
    of(dbUrl, Map.of())
        .forEach(
            (table, digest) -> {
              if (table.startsWith("roster_") && !table.equals("roster_generation")) {
                roster.put(table, digest);
              }
            });
    return roster;
  }
}
