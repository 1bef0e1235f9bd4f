package dev.lectern.ops.backup.archive;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.postgresql.PGConnection;

/**
 * Loads an archive into a database whose schema is already at the archive's version, inside the
 * caller's transaction: constraints and indexes are set aside, every table is emptied and loaded
 * with {@code COPY ... FREEZE} and checked against the manifest as it streams, then indexes and
 * constraints are rebuilt and identity sequences moved past the loaded ids. Any failure throws and
 * the caller's rollback leaves the database as it was.
 */
public final class ArchiveLoader {

  /** Told each table as it is loaded, e.g. to report progress. */
  public interface Progress {
    void loaded(ArchiveManifest.Table table, int done, int total);
  }

  private ArchiveLoader() {}

  public static void load(Connection c, ArchiveReader reader, Progress progress)
      throws IOException, SQLException {
    if (c.getAutoCommit()) {
      throw new IllegalStateException("load needs a transaction");
    }
    ArchiveManifest manifest = reader.manifest();
    Map<String, List<String>> schema = ApplicationTables.of(c);
    checkShape(manifest, schema);
    List<String> rebuild = setAside(c, schema.keySet());
    try (Statement s = c.createStatement()) {
      for (String table : schema.keySet()) {
        s.execute("ALTER TABLE " + ApplicationTables.quote(table) + " DISABLE TRIGGER USER");
      }
      s.execute(
          "TRUNCATE "
              + String.join(", ", schema.keySet().stream().map(ApplicationTables::quote).toList()));
    }
    PGConnection pg = c.unwrap(PGConnection.class);
    int done = 0;
    ArchiveReader.TableData data;
    while ((data = reader.nextTable()) != null) {
      ArchiveManifest.Table table = data.table();
      pg.getCopyAPI()
          .copyIn(
              "COPY "
                  + ApplicationTables.quote(table.name())
                  + " ("
                  + ApplicationTables.columnList(table.columns())
                  + ") FROM STDIN WITH (FREEZE)",
              data,
              1 << 16);
      data.check();
      progress.loaded(table, ++done, manifest.tables().size());
    }
    reader.finish();
    try (Statement s = c.createStatement()) {
      for (String statement : rebuild) {
        s.execute(statement);
      }
      for (String table : schema.keySet()) {
        s.execute("ALTER TABLE " + ApplicationTables.quote(table) + " ENABLE TRIGGER USER");
      }
    }
    advanceIdentities(c, schema.keySet());
  }

  /** The archive must hold exactly the tables and columns of the schema at its version. */
  private static void checkShape(ArchiveManifest manifest, Map<String, List<String>> schema)
      throws ArchiveException {
    Set<String> archived = new HashSet<>();
    for (ArchiveManifest.Table table : manifest.tables()) {
      List<String> columns = schema.get(table.name());
      if (columns == null) {
        throw new ArchiveException(
            "archive table "
                + table.name()
                + " does not exist at schema "
                + manifest.schemaVersion());
      }
      if (!new TreeSet<>(columns).equals(new TreeSet<>(table.columns()))) {
        throw new ArchiveException(
            "archive table " + table.name() + " has other columns than the schema expects");
      }
      if (!archived.add(table.name())) {
        throw new ArchiveException("archive holds table " + table.name() + " twice");
      }
    }
    Set<String> missing = new TreeSet<>(schema.keySet());
    missing.removeAll(archived);
    if (!missing.isEmpty()) {
      throw new ArchiveException("archive lacks tables " + missing);
    }
  }

  /**
   * Drops foreign keys, primary and unique constraints and other indexes of the tables, answering
   * the statements that recreate them in a valid order (keys, indexes, then foreign keys).
   */
  private static List<String> setAside(Connection c, Set<String> tables) throws SQLException {
    List<String> drops = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<String> indexes = new ArrayList<>();
    List<String> foreign = new ArrayList<>();
    String[] names = tables.toArray(String[]::new);
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT cl.relname, con.conname, con.contype, pg_get_constraintdef(con.oid)"
                + " FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid"
                + " WHERE cl.relnamespace = current_schema()::regnamespace"
                + " AND cl.relname = ANY (?) AND con.contype IN ('p', 'u', 'f', 'x')"
                + " ORDER BY con.contype = 'f' DESC, cl.relname, con.conname")) {
      s.setArray(1, c.createArrayOf("text", names));
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          String table = ApplicationTables.quote(rows.getString(1));
          String name = ApplicationTables.quote(rows.getString(2));
          drops.add("ALTER TABLE " + table + " DROP CONSTRAINT " + name);
          String add = "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + rows.getString(4);
          ("f".equals(rows.getString(3)) ? foreign : keys).add(add);
        }
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT quote_ident(i.relname), pg_get_indexdef(x.indexrelid) FROM pg_index x"
                + " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
                + " WHERE t.relnamespace = current_schema()::regnamespace"
                + " AND t.relname = ANY (?) AND NOT EXISTS (SELECT 1 FROM pg_constraint con"
                + " WHERE con.conindid = x.indexrelid AND con.contype IN ('p', 'u', 'x'))")) {
      s.setArray(1, c.createArrayOf("text", names));
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          drops.add("DROP INDEX " + rows.getString(1));
          indexes.add(rows.getString(2));
        }
      }
    }
    try (Statement s = c.createStatement()) {
      for (String drop : drops) {
        s.execute(drop);
      }
    }
    List<String> rebuild = new ArrayList<>(keys);
    rebuild.addAll(indexes);
    rebuild.addAll(foreign);
    return rebuild;
  }

  /** Moves every identity or serial sequence past the largest loaded value. */
  private static void advanceIdentities(Connection c, Set<String> tables) throws SQLException {
    List<String[]> sequenced = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT t.relname, a.attname FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid"
                + " WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY (?)"
                + " AND a.attnum > 0 AND NOT a.attisdropped"
                + " AND pg_get_serial_sequence(quote_ident(t.relname), a.attname) IS NOT NULL")) {
      s.setArray(1, c.createArrayOf("text", tables.toArray(String[]::new)));
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          sequenced.add(new String[] {rows.getString(1), rows.getString(2)});
        }
      }
    }
    for (String[] column : sequenced) {
      String table = ApplicationTables.quote(column[0]);
      String name = ApplicationTables.quote(column[1]);
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT setval(pg_get_serial_sequence(?, ?), coalesce(max("
                  + name
                  + "), 0) + 1, false) FROM "
                  + table)) {
        s.setString(1, table);
        s.setString(2, column[1]);
        s.execute();
      }
    }
  }
}
