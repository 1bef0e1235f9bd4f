package dev.lectern.ops.backup.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.postgresql.PGConnection;

/**
 * Dumps every application table with COPY into compressed part files, all from one consistent
 * snapshot: the first connection opens a {@code REPEATABLE READ} transaction and exports its
 * snapshot, and each worker connection adopts it, so parallel workers see exactly the same data.
 */
public final class TableDumper {

  /** What one dump produced: the tables (manifest entries) and their part files, in order. */
  public record Dump(String schemaVersion, List<ArchiveManifest.Table> tables, List<Path> parts) {}

  private final Connections connections;
  private final ExecutorService executor;
  private final int workers;
  private final int compressionLevel;

  public TableDumper(
      Connections connections, ExecutorService executor, int workers, int compressionLevel) {
    this.connections = connections;
    this.executor = executor;
    this.workers = Math.max(1, workers);
    this.compressionLevel = compressionLevel;
  }

  /**
   * One unit of work: a table, or a range of its pages when it is large. {@code toPage} is -1 for
   * the last range, which takes every page after {@code fromPage}.
   */
  record Slice(String table, int part, long fromPage, long toPage, long pages) {

    String where() {
      if (fromPage == 0 && toPage < 0) {
        return "";
      }
      String where = " WHERE ctid >= '(" + fromPage + ",0)'::tid";
      return toPage < 0 ? where : where + " AND ctid < '(" + toPage + ",0)'::tid";
    }

    String file() {
      return table + "." + part + ".gz";
    }
  }

  /** Pages per slice: 8192 pages of 8 KiB, 64 MiB of table. */
  static final long SLICE_PAGES = 8192;

  /** Cuts the tables into slices, largest first, so the workers finish together. */
  static List<Slice> slices(Map<String, List<String>> tables, Map<String, Long> pages) {
    List<Slice> slices = new ArrayList<>();
    for (String table : tables.keySet()) {
      long size = pages.getOrDefault(table, 0L);
      int parts = (int) Math.max(1, (size + SLICE_PAGES - 1) / SLICE_PAGES);
      long perPart = (size + parts - 1) / Math.max(1, parts);
      for (int part = 0; part < parts; part++) {
        long from = part * perPart;
        long to = part == parts - 1 ? -1 : (part + 1) * perPart;
        slices.add(new Slice(table, part, from, to, perPart));
      }
    }
    slices.sort(Comparator.comparingLong(Slice::pages).reversed());
    return slices;
  }

  /** Dumps into {@code workDir}; {@code cancelled} is polled between slices. */
  public Dump dump(Path workDir, Supplier<Boolean> cancelled)
      throws IOException, SQLException, InterruptedException {
    try (Connection leader = connections.open()) {
      leader.setAutoCommit(false);
      try (Statement s = leader.createStatement()) {
        s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      }
      String snapshot;
      try (Statement s = leader.createStatement();
          ResultSet rows = s.executeQuery("SELECT pg_export_snapshot()")) {
        rows.next();
        snapshot = rows.getString(1);
      }
      String version = ApplicationTables.schemaVersion(leader);
      Map<String, List<String>> tables = ApplicationTables.of(leader);
      List<Slice> slices = slices(tables, ApplicationTables.pages(leader));
      ConcurrentLinkedQueue<Slice> queue = new ConcurrentLinkedQueue<>(slices);
      Map<Slice, ArchiveManifest.Table> done = new ConcurrentHashMap<>();
      try {
        ParallelWork.run(
            executor,
            Math.min(workers, slices.size()),
            connections,
            c -> work(c, snapshot, queue, tables, workDir, done, cancelled));
      } finally {
        leader.rollback();
      }
      // The archive lists tables in catalogue order and each table's parts in page order.
      List<Slice> ordered = new ArrayList<>(slices);
      List<String> names = new ArrayList<>(tables.keySet());
      ordered.sort(
          Comparator.comparingInt((Slice slice) -> names.indexOf(slice.table()))
              .thenComparingInt(Slice::part));
      return new Dump(
          version,
          ordered.stream().map(done::get).toList(),
          ordered.stream().map(slice -> workDir.resolve(slice.file())).toList());
    }
  }

  private void work(
      Connection c,
      String snapshot,
      ConcurrentLinkedQueue<Slice> queue,
      Map<String, List<String>> tables,
      Path workDir,
      Map<Slice, ArchiveManifest.Table> done,
      Supplier<Boolean> cancelled)
      throws IOException, SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    }
    try (PreparedStatement s =
        c.prepareStatement("SET TRANSACTION SNAPSHOT '" + snapshotId(snapshot) + "'")) {
      s.execute();
    }
    PGConnection pg = c.unwrap(PGConnection.class);
    Slice slice;
    while ((slice = queue.poll()) != null) {
      if (cancelled.get()) {
        throw new ArchiveException("backup cancelled");
      }
      done.put(
          slice, dumpSlice(pg, slice, tables.get(slice.table()), workDir.resolve(slice.file())));
    }
    c.rollback();
  }

  private ArchiveManifest.Table dumpSlice(
      PGConnection pg, Slice slice, List<String> columns, Path part)
      throws IOException, SQLException {
    CountingDigest counter = new CountingDigest();
    // pgjdbc writes one row at a time: buffered first, so the digest and the compressor see
    // 64 KiB blocks instead of millions of small writes.
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16);
        GZIPOutputStream gzip = new LevelledGzip(file, compressionLevel);
        OutputStream tee = new BufferedOutputStream(counter.tee(gzip), 1 << 16)) {
      String source =
          slice.where().isEmpty()
              ? ApplicationTables.quote(slice.table())
                  + " ("
                  + ApplicationTables.columnList(columns)
                  + ")"
              : "(SELECT "
                  + ApplicationTables.columnList(columns)
                  + " FROM "
                  + ApplicationTables.quote(slice.table())
                  + slice.where()
                  + ")";
      pg.getCopyAPI().copyOut("COPY " + source + " TO STDOUT", tee);
    }
    return new ArchiveManifest.Table(
        slice.table(),
        slice.part(),
        columns,
        counter.rows,
        counter.bytes,
        Files.size(part),
        counter.hex());
  }

  /** Snapshot ids look like {@code 00000003-0000001B-1}; anything else is refused. */
  private static String snapshotId(String snapshot) {
    if (!snapshot.matches("[0-9A-F-]+")) {
      throw new IllegalStateException("unexpected snapshot id");
    }
    return snapshot;
  }

  /** Counts bytes and rows and hashes the COPY text on its way to the compressor. */
  static final class CountingDigest {
    private final MessageDigest sha256;
    long bytes;
    long rows;

    CountingDigest() {
      try {
        sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    void update(byte[] b, int off, int len) {
      sha256.update(b, off, len);
      bytes += len;
      rows += CopyText.rows(b, off, len);
    }

    String hex() {
      return HexFormat.of().formatHex(sha256.digest());
    }

    OutputStream tee(OutputStream out) {
      return new java.io.FilterOutputStream(out) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          update(b, off, len);
          out.write(b, off, len);
        }

        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }
      };
    }
  }

  private static final class LevelledGzip extends GZIPOutputStream {
    LevelledGzip(OutputStream out, int level) throws IOException {
      super(out, 1 << 16);
      def.setLevel(level);
    }
  }
}
