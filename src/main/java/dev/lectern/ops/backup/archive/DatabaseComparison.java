package dev.lectern.ops.backup.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Compares a database freshly loaded from an archive with the archive's manifest: each table's rows
 * are copied out again and must give the same row count and SHA-256 of COPY text. A fresh load
 * keeps rows in load order, and synchronized scans are turned off, so equal data gives equal text.
 */
public final class DatabaseComparison {

  private DatabaseComparison() {}

  /** The differences, empty when the database holds exactly the archive. */
  public static List<String> compare(Connection c, ArchiveManifest manifest)
      throws IOException, SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET synchronize_seqscans = off");
    }
    PGConnection pg = c.unwrap(PGConnection.class);
    Map<String, List<ArchiveManifest.Table>> parts = new LinkedHashMap<>();
    for (ArchiveManifest.Table part : manifest.tables()) {
      parts.computeIfAbsent(part.name(), name -> new ArrayList<>()).add(part);
    }
    List<String> problems = new ArrayList<>();
    for (List<ArchiveManifest.Table> table : parts.values()) {
      PartDigests digests = new PartDigests(table);
      try (OutputStream out = new BufferedOutputStream(digests, 1 << 16)) {
        pg.getCopyAPI()
            .copyOut(
                "COPY "
                    + ApplicationTables.quote(table.get(0).name())
                    + " ("
                    + ApplicationTables.columnList(table.get(0).columns())
                    + ") TO STDOUT",
                out);
      }
      problems.addAll(digests.problems());
    }
    return problems;
  }

  /**
   * Digests a table's rows part by part: the manifest's row counts say where each part ends, and
   * rows past the last part count as extra.
   */
  static final class PartDigests extends OutputStream {

    private final List<ArchiveManifest.Table> parts;
    private final List<TableDumper.CountingDigest> digests = new ArrayList<>();
    private TableDumper.CountingDigest current;
    private int index;

    PartDigests(List<ArchiveManifest.Table> parts) {
      this.parts = parts;
      this.current = new TableDumper.CountingDigest();
      digests.add(current);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      int end = off + len;
      while (off < end) {
        long wanted =
            index < parts.size() ? parts.get(index).rows() - current.rows : Long.MAX_VALUE;
        if (wanted == 0) {
          current = new TableDumper.CountingDigest();
          digests.add(current);
          index++;
          continue;
        }
        int stop = off;
        long rows = 0;
        while (stop < end && rows < wanted) {
          if (b[stop++] == '\n') {
            rows++;
          }
        }
        current.update(b, off, stop - off);
        off = stop;
      }
    }

    List<String> problems() {
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        ArchiveManifest.Table part = parts.get(i);
        TableDumper.CountingDigest digest =
            i < digests.size() ? digests.get(i) : new TableDumper.CountingDigest();
        String name = part.name() + (parts.size() > 1 ? " part " + part.part() : "");
        if (digest.rows != part.rows()) {
          problems.add(name + ": " + digest.rows + " rows restored, manifest says " + part.rows());
        } else if (!digest.hex().equals(part.sha256())) {
          problems.add(name + ": restored rows differ from the manifest's checksum");
        }
      }
      if (digests.size() > parts.size() && digests.get(digests.size() - 1).rows > 0) {
        problems.add(parts.get(0).name() + ": more rows restored than the manifest holds");
      }
      return problems;
    }
  }
}
