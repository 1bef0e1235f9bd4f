package dev.lectern.ops.backup;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The {@code backup_drill} table; each write commits at once (non-JTA data source). */
@ApplicationScoped
public class DrillRepository {

  private static final String COLUMNS =
      "id, backup_id, started_at, finished_at, result, reason, tables, rows, duration_ms";

  @Resource(lookup = "jdbc/lecternDirect")
  DataSource dataSource;

  void started(UUID id, String backupId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO backup_drill (id, backup_id, started_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET backup_id = EXCLUDED.backup_id,"
                    + " started_at = EXCLUDED.started_at, finished_at = NULL, result = NULL,"
                    + " reason = NULL")) {
      s.setObject(1, id);
      s.setString(2, backupId);
      s.setTimestamp(3, Timestamp.from(Instant.now()));
      s.executeUpdate();
    }
  }

  void finished(UUID id, String result, String reason, int tables, long rows, long millis)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE backup_drill SET finished_at = ?, result = ?, reason = ?, tables = ?,"
                    + " rows = ?, duration_ms = ? WHERE id = ?")) {
      s.setTimestamp(1, Timestamp.from(Instant.now()));
      s.setString(2, result);
      s.setString(3, reason);
      s.setInt(4, tables);
      s.setLong(5, rows);
      s.setLong(6, millis);
      s.setObject(7, id);
      s.executeUpdate();
    }
  }

  public Optional<Drill> find(UUID id) throws SQLException {
    List<Drill> drills = query("WHERE id = ?", id, 1, 0);
    return drills.stream().findFirst();
  }

  public List<Drill> list(int limit, int offset) throws SQLException {
    return query("", null, limit, offset);
  }

  /** The newest drill that ended with {@code result}. */
  Optional<Drill> lastWith(String result) throws SQLException {
    return query("WHERE result = ?", result, 1, 0).stream().findFirst();
  }

  private List<Drill> query(String where, Object parameter, int limit, int offset)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM backup_drill "
                    + where
                    + " ORDER BY started_at DESC LIMIT ? OFFSET ?")) {
      int i = 1;
      if (parameter != null) {
        s.setObject(i++, parameter);
      }
      s.setInt(i++, limit);
      s.setInt(i, offset);
      List<Drill> drills = new ArrayList<>();
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          drills.add(
              new Drill(
                  rows.getObject(1, UUID.class),
                  rows.getString(2),
                  rows.getTimestamp(3).toInstant(),
                  instant(rows.getTimestamp(4)),
                  rows.getString(5),
                  rows.getString(6),
                  (Integer) rows.getObject(7),
                  (Long) rows.getObject(8),
                  (Long) rows.getObject(9)));
        }
      }
      return drills;
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
