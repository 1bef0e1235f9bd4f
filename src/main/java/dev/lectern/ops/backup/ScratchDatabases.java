package dev.lectern.ops.backup;

import dev.lectern.platform.db.DatabaseConfig;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Throwaway databases beside Lectern's own on the same PostgreSQL server, named after Lectern's
 * database and a job, e.g. {@code lectern_drill_1a2b3c4d}; connections use Lectern's credentials.
 */
@ApplicationScoped
public class ScratchDatabases {

  private static final Logger LOG = Logger.getLogger(ScratchDatabases.class.getName());
  private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]*/)([^?]+)(\\?.*)?");

  @Resource(lookup = "jdbc/lecternDirect")
  DataSource dataSource;

  @Inject DatabaseConfig lectern;

  /** A scratch database name for a job: Lectern's database name, "_drill_", 8 hex digits. */
  String name(UUID job) {
    String base = matcher().group(2);
    String name = base + "_drill_" + job.toString().substring(0, 8);
    return name.length() > 63 ? "lectern_drill_" + job.toString().substring(0, 8) : name;
  }

  void create(String database) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + quote(database) + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + quote(database));
    }
  }

  PGSimpleDataSource dataSource(String database) {
    Matcher m = matcher();
    PGSimpleDataSource target = new PGSimpleDataSource();
    target.setURL(m.group(1) + database + (m.group(3) == null ? "" : m.group(3)));
    target.setUser(lectern.user());
    lectern.password().filter(p -> !p.isEmpty()).ifPresent(target::setPassword);
    target.setApplicationName("lectern-drill");
    return target;
  }

  /**
   * Lectern's own database with {@code schema} first on the search path, outside the pools, for
   * work that must not leave a changed search path on a pooled connection (shadow restores).
   */
  PGSimpleDataSource lecternDatabase(String schema) {
    PGSimpleDataSource target = dataSource(matcher().group(2));
    target.setCurrentSchema(schema);
    target.setApplicationName("lectern-restore");
    return target;
  }

  /** Drops the database; a failure is logged, and the next drill of that name drops it first. */
  void dropQuietly(String database) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + quote(database) + " WITH (FORCE)");
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Could not drop scratch database " + database, e);
    }
  }

  private Matcher matcher() {
    Matcher m = URL.matcher(lectern.url());
    if (!m.matches()) {
      throw new IllegalStateException("DB_URL is not a jdbc:postgresql://host/database URL");
    }
    return m;
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
