package dev.lectern.ops.backup.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
    List<String> problems = new ArrayList<>();
    for (ArchiveManifest.Table table : manifest.tables()) {
      TableDumper.CountingDigest digest = new TableDumper.CountingDigest();
      pg.getCopyAPI()
          .copyOut(
              "COPY "
                  + ApplicationTables.quote(table.name())
                  + " ("
                  + ApplicationTables.columnList(table.columns())
                  + ") TO STDOUT",
              digest.tee(OutputStream.nullOutputStream()));
      if (digest.rows != table.rows()) {
        problems.add(
            table.name() + ": " + digest.rows + " rows restored, manifest says " + table.rows());
      } else if (!digest.hex().equals(table.sha256())) {
        problems.add(table.name() + ": restored rows differ from the manifest's checksum");
      }
    }
    return problems;
  }
}
