package dev.lectern.ops.backup.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys, indexes and foreign keys of the tables to load, dropped before a load and rebuilt after
 * it, as {@code pg_restore} does: a table loads faster without them and each index is then built in
 * one sort.
 *
 * <p>Primary keys and unique constraints come back in two steps: their index is built with {@code
 * CREATE UNIQUE INDEX}, which can run beside the other index builds of the same table, and is then
 * attached with {@code ADD CONSTRAINT ... USING INDEX}, which only takes a moment. Building them
 * with {@code ADD CONSTRAINT} directly would lock the table exclusively for the whole sort.
 *
 * @param indexes per table, the statements that build its indexes, in any order and in parallel
 * @param constraints the statements that attach or add keys, once every index is built
 * @param foreignKeys the statements that add foreign keys, after the keys they reference
 */
record SetAside(
    Map<String, List<String>> indexes, List<String> constraints, List<String> foreignKeys) {

  /** Drops the keys, indexes and foreign keys of {@code tables}, answering how to rebuild them. */
  static SetAside drop(Connection c, Set<String> tables) throws SQLException {
    List<String> drops = new ArrayList<>();
    Map<String, List<String>> indexes = new LinkedHashMap<>();
    List<String> constraints = new ArrayList<>();
    List<String> foreignKeys = new ArrayList<>();
    String[] names = tables.toArray(String[]::new);
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT cl.relname, con.conname, con.contype, pg_get_constraintdef(con.oid),"
                + " CASE WHEN con.contype IN ('p', 'u') AND NOT con.condeferrable"
                + " THEN pg_get_indexdef(con.conindid) END"
                + " FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid"
                + " WHERE cl.relnamespace = current_schema()::regnamespace"
                + " AND cl.relname = ANY (?) AND con.contype IN ('p', 'u', 'f', 'x')"
                + " ORDER BY con.contype = 'f' DESC, cl.relname, con.conname")) {
      s.setArray(1, c.createArrayOf("text", names));
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          String table = ApplicationTables.quote(rows.getString(1));
          String name = ApplicationTables.quote(rows.getString(2));
          String type = rows.getString(3);
          String index = rows.getString(5);
          drops.add("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
          String alter = "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " ";
          if ("f".equals(type)) {
            foreignKeys.add(alter + rows.getString(4));
          } else if (index != null) {
            indexes.computeIfAbsent(rows.getString(1), t -> new ArrayList<>()).add(index);
            constraints.add(
                alter + ("p".equals(type) ? "PRIMARY KEY" : "UNIQUE") + " USING INDEX " + name);
          } else {
            constraints.add(alter + rows.getString(4));
          }
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT t.relname, quote_ident(i.relname), pg_get_indexdef(x.indexrelid)"
                + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
                + " JOIN pg_class t ON t.oid = x.indrelid"
                + " WHERE t.relnamespace = current_schema()::regnamespace"
                + " AND t.relname = ANY (?) AND NOT EXISTS (SELECT 1 FROM pg_constraint con"
                + " WHERE con.conindid = x.indexrelid AND con.contype IN ('p', 'u', 'x'))")) {
      s.setArray(1, c.createArrayOf("text", names));
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          drops.add("DROP INDEX " + rows.getString(2));
          indexes.computeIfAbsent(rows.getString(1), t -> new ArrayList<>()).add(rows.getString(3));
        }
      }
    }
    try (Statement s = c.createStatement()) {
      for (String drop : drops) {
        s.execute(drop);
      }
    }
    return new SetAside(indexes, constraints, foreignKeys);
  }

  List<String> indexesOf(String table) {
    return indexes.getOrDefault(table, List.of());
  }
}
