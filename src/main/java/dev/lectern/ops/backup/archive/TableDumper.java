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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
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

  /** Opens a fresh connection outside any container transaction. */
  public interface Connections {
    Connection open() throws SQLException;
  }

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

  /** Dumps into {@code workDir}; {@code cancelled} is polled between tables. */
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
      ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(tables.keySet());
      Map<String, ArchiveManifest.Table> done = new java.util.concurrent.ConcurrentHashMap<>();
      List<Future<Void>> futures = new ArrayList<>();
      for (int i = 0; i < Math.min(workers, tables.size()); i++) {
        futures.add(
            executor.submit(
                () -> {
                  work(snapshot, queue, tables, workDir, done, cancelled);
                  return null;
                }));
      }
      try {
        for (Future<Void> future : futures) {
          future.get();
        }
      } catch (ExecutionException e) {
        futures.forEach(f -> f.cancel(true));
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) {
          throw io;
        }
        if (cause instanceof SQLException sql) {
          throw sql;
        }
        throw new IllegalStateException(cause);
      } finally {
        leader.rollback();
      }
      List<ArchiveManifest.Table> ordered = new ArrayList<>();
      List<Path> parts = new ArrayList<>();
      for (String table : tables.keySet()) {
        ordered.add(done.get(table));
        parts.add(part(workDir, table));
      }
      return new Dump(version, ordered, parts);
    }
  }

  private void work(
      String snapshot,
      ConcurrentLinkedQueue<String> queue,
      Map<String, List<String>> tables,
      Path workDir,
      Map<String, ArchiveManifest.Table> done,
      Supplier<Boolean> cancelled)
      throws IOException, SQLException {
    try (Connection c = connections.open()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      }
      try (PreparedStatement s =
          c.prepareStatement("SET TRANSACTION SNAPSHOT '" + snapshotId(snapshot) + "'")) {
        s.execute();
      }
      PGConnection pg = c.unwrap(PGConnection.class);
      String table;
      while ((table = queue.poll()) != null) {
        if (cancelled.get()) {
          throw new ArchiveException("backup cancelled");
        }
        done.put(table, dumpTable(pg, table, tables.get(table), part(workDir, table)));
      }
      c.rollback();
    }
  }

  private ArchiveManifest.Table dumpTable(
      PGConnection pg, String table, List<String> columns, Path part)
      throws IOException, SQLException {
    CountingDigest counter = new CountingDigest();
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16);
        GZIPOutputStream gzip = new LevelledGzip(file, compressionLevel);
        OutputStream tee = counter.tee(gzip)) {
      pg.getCopyAPI()
          .copyOut(
              "COPY "
                  + ApplicationTables.quote(table)
                  + " ("
                  + ApplicationTables.columnList(columns)
                  + ") TO STDOUT",
              tee);
    }
    return new ArchiveManifest.Table(
        table, columns, counter.rows, counter.bytes, Files.size(part), counter.hex());
  }

  /** Snapshot ids look like {@code 00000003-0000001B-1}; anything else is refused. */
  private static String snapshotId(String snapshot) {
    if (!snapshot.matches("[0-9A-F-]+")) {
      throw new IllegalStateException("unexpected snapshot id");
    }
    return snapshot;
  }

  private static Path part(Path workDir, String table) {
    return workDir.resolve(table + ".gz");
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
      for (int i = off; i < off + len; i++) {
        if (b[i] == '\n') {
          rows++;
        }
      }
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
