package dev.lectern.roster.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One set of UNLOGGED tables per import job in schema {@code import_stage}: typed like the roster
 * columns they feed, with the CSV row number, and dropped when the job ends.
 */
final class StagingTables {

  private StagingTables() {}

  static String prefix(UUID job) {
    return "j" + job.toString().replace("-", "");
  }

  static String of(UUID job, CsvFile file) {
    return "import_stage." + prefix(job) + "_" + file.manifestName().toLowerCase(Locale.ROOT);
  }

  /** Each user's roles from the package, aggregated as the roster stores them. */
  static String userRoles(UUID job) {
    return "import_stage." + prefix(job) + "_user_roles";
  }

  /** Columns after row_no, sourced_id, status and date_last_modified, in COPY order. */
  static List<CsvColumn> columns(CsvFile file) {
    return file.stagedColumns();
  }

  static void create(Connection c, UUID job, CsvFile file) throws SQLException {
    String columns =
        columns(file).stream()
            .map(col -> col.column() + " " + col.kind().sqlType())
            .collect(Collectors.joining(", "));
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + of(job, file));
      s.execute(
          "CREATE UNLOGGED TABLE "
              + of(job, file)
              + " (row_no bigint NOT NULL,"
              + " sourced_id text NOT NULL, status text, date_last_modified timestamptz, "
              + columns
              + ", metadata jsonb)");
    }
  }

  static String copySql(UUID job, CsvFile file) {
    String columns =
        columns(file).stream().map(CsvColumn::column).collect(Collectors.joining(", "));
    return "COPY "
        + of(job, file)
        + " (row_no, sourced_id, status, date_last_modified, "
        + columns
        + ", metadata) FROM STDIN";
  }

  /** Drops every staging table of a job; safe to call more than once. */
  static void dropAll(Connection c, UUID job) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'import_stage'"
                + " AND tablename LIKE ?")) {
      s.setString(1, prefix(job) + "\\_%");
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
    }
    try (Statement s = c.createStatement()) {
      for (String table : tables) {
        s.execute("DROP TABLE IF EXISTS import_stage.\"" + table + "\"");
      }
    }
  }
}
