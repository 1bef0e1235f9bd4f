package dev.lectern.roster.imports;

import dev.lectern.testing.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A digest of every roster row, computed in SQL: equal digests mean no row changed. */
final class RosterDigest {

  private static final String[] TABLES = {
    "roster_org",
    "roster_academic_session",
    "roster_course",
    "roster_class",
    "roster_user",
    "roster_enrollment",
    "roster_demographics"
  };

  private RosterDigest() {}

  static String of(String dbUrl) throws SQLException {
    StringBuilder digest = new StringBuilder();
    try (Connection c = Sql.connect(dbUrl);
        Statement s = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rows =
            s.executeQuery(
                "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY"
                    + " sourced_id)), '-') FROM "
                    + table
                    + " t")) {
          rows.next();
          digest.append(table).append('=').append(rows.getString(1)).append(' ');
        }
      }
    }
    return digest.toString();
  }
}
