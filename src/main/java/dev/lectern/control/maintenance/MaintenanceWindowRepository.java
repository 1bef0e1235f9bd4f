package dev.lectern.control.maintenance;

import dev.lectern.control.maintenance.MaintenanceWindow.State;
import dev.lectern.control.mode.OperatingMode;
import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.db.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code maintenance_window} table. Every change of state is one conditional UPDATE, so a timer
 * that fires twice, or on two replicas, changes a window once.
 */
@ApplicationScoped
public class MaintenanceWindowRepository {

  private static final String COLUMNS =
      "id, starts_at, ends_at, mode, reason, extract(epoch FROM notice)::bigint, state,"
          + " created_at, created_by, started_at, ended_at, cancelled_at, cancelled_by";

  @Inject Jdbc jdbc;

  public MaintenanceWindow insert(
      Instant start, Instant end, OperatingMode mode, String reason, Duration notice, String by) {
    return jdbc.first(
            "INSERT INTO maintenance_window (starts_at, ends_at, mode, reason, notice, created_by)"
                + " VALUES (?, ?, ?, ?, make_interval(secs => ?), ?) RETURNING "
                + COLUMNS,
            MaintenanceWindowRepository::map,
            start,
            end,
            mode.label(),
            reason,
            notice.toSeconds(),
            by)
        .orElseThrow();
  }

  public Optional<MaintenanceWindow> find(long id) {
    return jdbc.first(
        "SELECT " + COLUMNS + " FROM maintenance_window WHERE id = ?",
        MaintenanceWindowRepository::map,
        id);
  }

  /** Scheduled and active windows, soonest first. */
  public List<MaintenanceWindow> open() {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM maintenance_window"
            + " WHERE state IN ('scheduled', 'active') ORDER BY starts_at",
        MaintenanceWindowRepository::map);
  }

  /** Ended and cancelled windows, the latest first. */
  public List<MaintenanceWindow> past(int limit) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM maintenance_window"
            + " WHERE state IN ('ended', 'cancelled') ORDER BY starts_at DESC LIMIT ?",
        MaintenanceWindowRepository::map,
        limit);
  }

  /** An open window other than {@code id} whose span meets {@code [start, end)}. */
  public Optional<MaintenanceWindow> overlapping(Instant start, Instant end, long id) {
    return jdbc.first(
        "SELECT "
            + COLUMNS
            + " FROM maintenance_window WHERE state IN ('scheduled', 'active')"
            + " AND id <> ? AND tstzrange(starts_at, ends_at) && tstzrange(?, ?) LIMIT 1",
        MaintenanceWindowRepository::map,
        id,
        start,
        end);
  }

  /** Moves an open window's end; empty when it is no longer open. */
  public Optional<MaintenanceWindow> extend(long id, Instant end) {
    return jdbc.first(
        "UPDATE maintenance_window SET ends_at = ? WHERE id = ? AND state IN ('scheduled', 'active')"
            + " RETURNING "
            + COLUMNS,
        MaintenanceWindowRepository::map,
        end,
        id);
  }

  /** Scheduled to active, once, when its start has come (allowing the timer's early second). */
  public Optional<MaintenanceWindow> activate(long id) {
    return jdbc.first(
        "UPDATE maintenance_window SET state = 'active', started_at = now()"
            + " WHERE id = ? AND state = 'scheduled' AND starts_at <= now() + interval '1 second'"
            + " AND ends_at > now() RETURNING "
            + COLUMNS,
        MaintenanceWindowRepository::map,
        id);
  }

  /**
   * Open to ended, once, when its end has come. A window still scheduled then was missed (no
   * replica was up during all of it) and ends without having started.
   */
  public Optional<MaintenanceWindow> end(long id) {
    return jdbc.first(
        "UPDATE maintenance_window SET state = 'ended', ended_at = now()"
            + " WHERE id = ? AND state IN ('scheduled', 'active')"
            + " AND ends_at <= now() + interval '1 second' RETURNING "
            + COLUMNS,
        MaintenanceWindowRepository::map,
        id);
  }

  /** Open to cancelled by {@code by}; an active window ends with it. */
  public Optional<MaintenanceWindow> cancel(long id, String by) {
    return jdbc.first(
        "UPDATE maintenance_window SET state = 'cancelled', cancelled_at = now(), cancelled_by = ?,"
            + " ended_at = CASE WHEN state = 'active' THEN now() END"
            + " WHERE id = ? AND state IN ('scheduled', 'active') RETURNING "
            + COLUMNS,
        MaintenanceWindowRepository::map,
        by,
        id);
  }

  private static MaintenanceWindow map(ResultSet row) throws SQLException {
    return new MaintenanceWindow(
        row.getLong(1),
        SqlTimes.instant(row.getObject(2)),
        SqlTimes.instant(row.getObject(3)),
        OperatingMode.fromLabel(row.getString(4)).orElseThrow(),
        row.getString(5),
        Duration.ofSeconds(row.getLong(6)),
        State.fromLabel(row.getString(7)),
        SqlTimes.instant(row.getObject(8)),
        row.getString(9),
        SqlTimes.instant(row.getObject(10)),
        SqlTimes.instant(row.getObject(11)),
        SqlTimes.instant(row.getObject(12)),
        row.getString(13));
  }
}
