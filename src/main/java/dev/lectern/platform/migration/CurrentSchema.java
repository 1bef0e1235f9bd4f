package dev.lectern.platform.migration;

import dev.lectern.platform.db.DataAccessException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;

/**
 * Recognises, with one query, the common start: the database already holds exactly this code's
 * migrations, each applied successfully and unchanged since. Booting Flyway only to be told so
 * loaded some 1,200 classes (its configuration model brings Jackson) and cost over a second of
 * every start. Anything else, including a missing history table, a pending, failed, edited or newer
 * migration, is left to Flyway, which migrates or reports it.
 *
 * <p>The comparison is Flyway's own validation for that case: version, description, type, script
 * and checksum (computed by Flyway's calculator) of each applied row, in order, against the
 * migrations the code ships.
 */
final class CurrentSchema {

  /** Flyway's default history table, in the connection's schema, as SchemaMigrator configures. */
  private static final String HISTORY =
      "SELECT version, description, type, script, checksum, success FROM flyway_schema_history"
          + " WHERE version IS NOT NULL ORDER BY installed_rank";

  private static final String UNDEFINED_TABLE = "42P01";

  private CurrentSchema() {}

  /** The schema's version when it is exactly the code's migrations, all applied; else empty. */
  static Optional<String> versionIfCurrent(DataSource dataSource, ClasspathMigrations code) {
    List<Applied> applied;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      applied = read(s);
    } catch (SQLException e) {
      if (UNDEFINED_TABLE.equals(e.getSQLState())) {
        return Optional.empty();
      }
      throw new DataAccessException(e);
    }
    List<Applied> expected = expected(code);
    return applied.equals(expected) && !expected.isEmpty()
        ? Optional.of(expected.get(expected.size() - 1).version())
        : Optional.empty();
  }

  private static List<Applied> read(Statement s) throws SQLException {
    List<Applied> applied = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(HISTORY)) {
      while (rs.next()) {
        int checksum = rs.getInt("checksum");
        Integer recorded = rs.wasNull() ? null : checksum;
        applied.add(
            new Applied(
                rs.getString("version"),
                rs.getString("description"),
                rs.getString("type"),
                rs.getString("script"),
                recorded,
                rs.getBoolean("success")));
      }
    }
    return applied;
  }

  /** What Flyway records for each migration the code ships, as it names and checksums them. */
  static List<Applied> expected(ClasspathMigrations code) {
    List<Applied> expected = new ArrayList<>();
    for (String file : code.files()) {
      int separator = file.indexOf("__");
      if (!file.startsWith("V") || separator < 0 || !file.endsWith(".sql")) {
        // Not a plain versioned SQL migration: leave every decision to Flyway.
        return List.of();
      }
      LoadableResource resource = code.getResource(file);
      expected.add(
          new Applied(
              file.substring(1, separator).replace('_', '.'),
              file.substring(separator + 2, file.length() - ".sql".length()).replace('_', ' '),
              "SQL",
              file,
              ChecksumCalculator.calculate(resource),
              true));
    }
    return expected;
  }

  record Applied(
      String version,
      String description,
      String type,
      String script,
      Integer checksum,
      boolean success) {}
}
