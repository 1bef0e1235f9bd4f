package dev.lectern.control.logging;

import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.db.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code log_level_override} table. */
@ApplicationScoped
public class LogLevelRepository {

  private static final String COLUMNS = "logger, level, revert_at, set_by, reason, set_at";

  @Inject Jdbc jdbc;

  public List<LogLevelOverride> all() {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM log_level_override ORDER BY logger", LogLevelRepository::map);
  }

  public Optional<LogLevelOverride> find(String logger) {
    return jdbc.first(
        "SELECT " + COLUMNS + " FROM log_level_override WHERE logger = ?",
        LogLevelRepository::map,
        logger);
  }

  /** Sets the logger's override, replacing one it had. */
  public LogLevelOverride put(
      String logger, String level, Instant revertAt, String by, String reason) {
    return jdbc.first(
            "INSERT INTO log_level_override (logger, level, revert_at, set_by, reason)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (logger) DO UPDATE SET level ="
                + " excluded.level, revert_at = excluded.revert_at, set_by = excluded.set_by,"
                + " reason = excluded.reason, set_at = now() RETURNING "
                + COLUMNS,
            LogLevelRepository::map,
            logger,
            level,
            revertAt,
            by,
            reason)
        .orElseThrow();
  }

  public Optional<LogLevelOverride> delete(String logger) {
    return jdbc.first(
        "DELETE FROM log_level_override WHERE logger = ? RETURNING " + COLUMNS,
        LogLevelRepository::map,
        logger);
  }

  /** Deletes the overrides whose time is up; each is returned to exactly one caller. */
  public List<LogLevelOverride> deleteExpired() {
    return jdbc.query(
        "DELETE FROM log_level_override WHERE revert_at <= now() RETURNING " + COLUMNS,
        LogLevelRepository::map);
  }

  private static LogLevelOverride map(ResultSet row) throws SQLException {
    return new LogLevelOverride(
        row.getString(1),
        row.getString(2),
        SqlTimes.instant(row.getObject(3)),
        row.getString(4),
        row.getString(5),
        SqlTimes.instant(row.getObject(6)));
  }
}
