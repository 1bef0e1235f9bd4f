package dev.lectern.ops.backup;

import dev.lectern.platform.db.Direct;
import dev.lectern.platform.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code backup_drill} table; each write commits at once (non-JTA data source). */
@ApplicationScoped
public class DrillRepository {

  private static final String COLUMNS =
      "id, backup_id, started_at, finished_at, result, reason, tables, rows, duration_ms";

  @Inject @Direct Jdbc jdbc;

  void started(UUID id, String backupId) {
    jdbc.update(
        "INSERT INTO backup_drill (id, backup_id, started_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET backup_id = EXCLUDED.backup_id,"
            + " started_at = EXCLUDED.started_at, finished_at = NULL, result = NULL,"
            + " reason = NULL",
        id,
        backupId,
        Instant.now());
  }

  void finished(UUID id, String result, String reason, int tables, long rows, long millis) {
    jdbc.update(
        "UPDATE backup_drill SET finished_at = ?, result = ?, reason = ?, tables = ?,"
            + " rows = ?, duration_ms = ? WHERE id = ?",
        Instant.now(),
        result,
        reason,
        tables,
        rows,
        millis,
        id);
  }

  public Optional<Drill> find(UUID id) {
    return query("WHERE id = ?", List.of(id), 1, 0).stream().findFirst();
  }

  public List<Drill> list(int limit, int offset) {
    return query("", List.of(), limit, offset);
  }

  /** The newest drill that ended with {@code result}. */
  Optional<Drill> lastWith(String result) {
    return query("WHERE result = ?", List.of(result), 1, 0).stream().findFirst();
  }

  private List<Drill> query(String where, List<Object> parameters, int limit, int offset) {
    List<Object> all = new ArrayList<>(parameters);
    all.add(limit);
    all.add(offset);
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM backup_drill "
            + where
            + " ORDER BY started_at DESC LIMIT ? OFFSET ?",
        DrillRepository::drill,
        all.toArray());
  }

  private static Drill drill(ResultSet rows) throws SQLException {
    return new Drill(
        rows.getObject(1, UUID.class),
        rows.getString(2),
        rows.getTimestamp(3).toInstant(),
        instant(rows.getTimestamp(4)),
        rows.getString(5),
        rows.getString(6),
        (Integer) rows.getObject(7),
        (Long) rows.getObject(8),
        (Long) rows.getObject(9));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
