package dev.lectern.ops.backup.archive;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;

/**
 * Loads an archive into an empty or scratch database whose schema is already at the archive's
 * version, with parallel workers as {@code pg_restore --jobs} does: constraints and indexes are set
 * aside, each table is emptied and loaded in its own transaction with {@code COPY ... FREEZE} (its
 * parts in order, each checked against the manifest as it streams), then keys and indexes are
 * rebuilt in parallel, foreign keys after them, and identity sequences moved past the loaded ids.
 * Not one transaction: a failure leaves the target partly loaded, so callers load only into a
 * database they may throw away (an empty one, a scratch database, a shadow schema).
 */
public final class ArchiveLoader {

  /** Told each part as it is loaded, from the worker threads, e.g. to report progress. */
  public interface Progress {
    void loaded(ArchiveManifest.Table table, int done, int total);
  }

  static final String MAINTENANCE_WORK_MEM = "256MB";

  private ArchiveLoader() {}

  public static void load(
      TableDumper.Connections connections,
      ArchiveReader reader,
      ExecutorService executor,
      int workers,
      Progress progress)
      throws IOException, SQLException, InterruptedException {
    ArchiveManifest manifest = reader.manifest();
    reader.checkLength();
    Map<String, List<String>> schema;
    List<String> keysAndIndexes;
    List<String> foreignKeys;
    try (Connection c = connections.open()) {
      c.setAutoCommit(false);
      schema = ApplicationTables.of(c);
      checkShape(manifest, schema);
      List<List<String>> rebuild = setAside(c, schema.keySet());
      keysAndIndexes = rebuild.get(0);
      foreignKeys = rebuild.get(1);
      try (Statement s = c.createStatement()) {
        for (String table : schema.keySet()) {
          s.execute("ALTER TABLE " + ApplicationTables.quote(table) + " DISABLE TRIGGER USER");
        }
      }
      c.commit();
    }
    Map<String, List<Integer>> parts = new LinkedHashMap<>();
    for (int i = 0; i < manifest.tables().size(); i++) {
      parts.computeIfAbsent(manifest.tables().get(i).name(), t -> new ArrayList<>()).add(i);
    }
    List<String> largestFirst = new ArrayList<>(parts.keySet());
    largestFirst.sort(
        Comparator.comparingLong(
                (String t) ->
                    parts.get(t).stream().mapToLong(i -> manifest.tables().get(i).bytes()).sum())
            .reversed());
    AtomicInteger done = new AtomicInteger();
    int total = manifest.tables().size();
    Queue<String> tables = new ConcurrentLinkedQueue<>(largestFirst);
    ParallelWork.run(
        executor,
        workers,
        connections,
        c -> {
          c.setAutoCommit(false);
          PGConnection pg = c.unwrap(PGConnection.class);
          String table;
          while ((table = tables.poll()) != null) {
            try (Statement s = c.createStatement()) {
              s.execute("TRUNCATE " + ApplicationTables.quote(table));
            }
            for (int index : parts.get(table)) {
              try (ArchiveReader.TableData data = reader.openPart(index)) {
                ArchiveManifest.Table part = data.table();
                pg.getCopyAPI()
                    .copyIn(
                        "COPY "
                            + ApplicationTables.quote(part.name())
                            + " ("
                            + ApplicationTables.columnList(part.columns())
                            + ") FROM STDIN WITH (FREEZE)",
                        data,
                        1 << 16);
                data.check();
                progress.loaded(part, done.incrementAndGet(), total);
              }
            }
            c.commit();
          }
        });
    Queue<String> statements = new ConcurrentLinkedQueue<>(keysAndIndexes);
    ParallelWork.run(
        executor,
        workers,
        connections,
        c -> {
          try (Statement s = c.createStatement()) {
            // Index builds sort whole tables: more memory than the 64 MB default saves passes.
            s.execute("SET maintenance_work_mem = '" + MAINTENANCE_WORK_MEM + "'");
            String statement;
            while ((statement = statements.poll()) != null) {
              s.execute(statement);
            }
          }
        });
    try (Connection c = connections.open();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      for (String statement : foreignKeys) {
        s.execute(statement);
      }
      for (String table : schema.keySet()) {
        s.execute("ALTER TABLE " + ApplicationTables.quote(table) + " ENABLE TRIGGER USER");
      }
      advanceIdentities(c, schema.keySet());
      c.commit();
    }
  }

  /** The archive must hold exactly the tables and columns of the schema at its version. */
  private static void checkShape(ArchiveManifest manifest, Map<String, List<String>> schema)
      throws ArchiveException {
    Set<String> archived = new HashSet<>();
    ArchiveManifest.Table previous = null;
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
      boolean nextPart =
          previous != null
              && previous.name().equals(table.name())
              && previous.part() + 1 == table.part()
              && previous.columns().equals(table.columns());
      if (table.part() == 0 ? !archived.add(table.name()) : !nextPart) {
        throw new ArchiveException("archive holds table " + table.name() + " out of order");
      }
      previous = table;
    }
    Set<String> missing = new TreeSet<>(schema.keySet());
    missing.removeAll(archived);
    if (!missing.isEmpty()) {
      throw new ArchiveException("archive lacks tables " + missing);
    }
  }

  /**
   * Drops foreign keys, primary and unique constraints and other indexes of the tables, answering
   * the statements that recreate them: keys and indexes (in any order), then foreign keys.
   */
  private static List<List<String>> setAside(Connection c, Set<String> tables) throws SQLException {
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
    List<String> keysAndIndexes = new ArrayList<>(keys);
    keysAndIndexes.addAll(indexes);
    return List.of(keysAndIndexes, foreign);
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
