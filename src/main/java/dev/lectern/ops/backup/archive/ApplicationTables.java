package dev.lectern.ops.backup.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which tables an archive holds: every table of Lectern's schema except Flyway's history (the
 * manifest carries the version instead), read from the catalogue so a table a migration adds is
 * backed up without anyone remembering to list it. Liberty's own batch and timer tables live in a
 * schema of their own since migration 14; a backup taken before that migration (pre-migrate) still
 * finds them in Lectern's schema and leaves them out by name.
 */
public final class ApplicationTables {

  /** Liberty's tables (batch job repository, persistent timers) by their prefixes. */
  static final List<String> EXCLUDED_PREFIXES = List.of("wlpbatch", "ejbtimer");

  static final String FLYWAY_HISTORY = "flyway_schema_history";

  private ApplicationTables() {}

  /** Table name to its columns in order, largest table first (workers start with those). */
  public static Map<String, List<String>> of(Connection connection) throws SQLException {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT c.relname, a.attname FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0"
                + " AND NOT a.attisdropped AND a.attgenerated = ''"
                + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')"
                + " AND c.relname <> ? AND NOT (c.relname LIKE ANY (?))"
                + " ORDER BY pg_relation_size(c.oid) DESC, c.relname, a.attnum")) {
      s.setString(1, FLYWAY_HISTORY);
      s.setArray(
          2,
          connection.createArrayOf("text", EXCLUDED_PREFIXES.stream().map(p -> p + "%").toArray()));
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          tables.computeIfAbsent(rows.getString(1), t -> new ArrayList<>()).add(rows.getString(2));
        }
      }
    }
    return tables;
  }

  /** Pages on disk of each table (not MVCC: a size to plan parallel work by, not a count). */
  public static Map<String, Long> pages(Connection connection) throws SQLException {
    Map<String, Long> pages = new LinkedHashMap<>();
    try (PreparedStatement s =
            connection.prepareStatement(
                "SELECT relname, pg_relation_size(oid) / current_setting('block_size')::bigint"
                    + " FROM pg_class WHERE relnamespace = current_schema()::regnamespace"
                    + " AND relkind IN ('r', 'p')");
        ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        pages.put(rows.getString(1), rows.getLong(2));
      }
    }
    return pages;
  }

  /** The schema version Flyway recorded last, or "0" for a database without migrations. */
  public static String schemaVersion(Connection connection) throws SQLException {
    try (PreparedStatement s =
            connection.prepareStatement(
                "SELECT version FROM "
                    + FLYWAY_HISTORY
                    + " WHERE success AND version IS NOT NULL"
                    + " ORDER BY installed_rank DESC LIMIT 1");
        ResultSet rows = s.executeQuery()) {
      return rows.next() ? rows.getString(1) : "0";
    }
  }

  /** Quotes an identifier for SQL; names come from the catalogue or a checked manifest. */
  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static String columnList(List<String> columns) {
    return String.join(", ", columns.stream().map(ApplicationTables::quote).toList());
  }
}
