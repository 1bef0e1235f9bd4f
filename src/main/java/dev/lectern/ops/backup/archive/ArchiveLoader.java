package dev.lectern.ops.backup.archive;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;

/**
 * Loads an archive into an empty or scratch database whose schema is already at the archive's
 * version, with parallel workers as {@code pg_restore --jobs} does: keys, indexes and foreign keys
 * are set aside ({@link SetAside}), each table is emptied and loaded in its own transaction with
 * {@code COPY ... FREEZE} (its parts in order, each checked against the manifest as it streams),
 * its indexes are built as soon as it is loaded ({@link LoadSchedule}), then keys and foreign keys
 * are attached and identity sequences moved past the loaded ids. Not one transaction: a failure
 * leaves the target partly loaded, so callers load only into a database they may throw away (an
 * empty one, a scratch database, a shadow schema).
 */
public final class ArchiveLoader {

  /** Told each part as it is loaded, from the worker threads, e.g. to report progress. */
  public interface Progress {
    void loaded(ArchiveManifest.Table table, int done, int total);
  }

  /**
   * Sort memory per index build. Small on purpose: on the benchmark machine a 3-million-row index
   * built in 5.5-7 s with 4-16 MB, 8-9 s with PostgreSQL's 64 MB default and 10-12 s with 256 MB
   * (runs that fit the CPU caches, merged, beat one large sort that does not), and whole restores
   * took a median 22.4 s with 16 MB against 25.5 s with 64 MB.
   */
  static final String MAINTENANCE_WORK_MEM = "16MB";

  private ArchiveLoader() {}

  public static void load(
      Connections connections,
      ArchiveReader reader,
      ExecutorService executor,
      int workers,
      Progress progress)
      throws IOException, SQLException, InterruptedException {
    ArchiveManifest manifest = reader.manifest();
    reader.checkLength();
    Map<String, List<String>> schema;
    SetAside setAside;
    try (Connection c = connections.open()) {
      c.setAutoCommit(false);
      schema = ApplicationTables.of(c);
      checkShape(manifest, schema);
      setAside = SetAside.drop(c, schema.keySet());
      try (Statement s = c.createStatement()) {
        for (String table : schema.keySet()) {
          s.execute("ALTER TABLE " + ApplicationTables.quote(table) + " DISABLE TRIGGER USER");
        }
      }
      c.commit();
    }
    Map<String, List<Integer>> parts = new LinkedHashMap<>();
    Map<String, Long> bytes = new HashMap<>();
    for (int i = 0; i < manifest.tables().size(); i++) {
      ArchiveManifest.Table part = manifest.tables().get(i);
      parts.computeIfAbsent(part.name(), t -> new ArrayList<>()).add(i);
      bytes.merge(part.name(), part.bytes(), Long::sum);
    }
    List<String> largestFirst = new ArrayList<>(parts.keySet());
    largestFirst.sort(Comparator.comparing(bytes::get).reversed());
    LoadSchedule schedule = new LoadSchedule(largestFirst, bytes, setAside);
    AtomicInteger done = new AtomicInteger();
    int total = manifest.tables().size();
    ParallelWork.run(
        executor,
        workers,
        connections,
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '" + MAINTENANCE_WORK_MEM + "'");
            if (workers > 1) {
              // The workers already build indexes side by side; parallel builds on top only add
              // processes competing for the same cores (measured: 1.2 s slower on 2 cores).
              s.execute("SET max_parallel_maintenance_workers = 0");
            }
          }
          c.setAutoCommit(false);
          PGConnection pg = c.unwrap(PGConnection.class);
          String table;
          while ((table = schedule.nextTable()) != null) {
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
            schedule.loaded(table);
          }
          c.setAutoCommit(true);
          String index;
          while ((index = schedule.nextIndex()) != null) {
            try (Statement s = c.createStatement()) {
              s.execute(index);
            }
          }
        });
    try (Connection c = connections.open();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      for (String statement : setAside.constraints()) {
        s.execute(statement);
      }
      for (String statement : setAside.foreignKeys()) {
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
