package dev.lectern.ops.backup.archive;

import dev.lectern.platform.migration.ClasspathMigrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Prepares an empty database for an archive: Lectern's own migrations up to the archive's schema
 * version, so the data loads into exactly the tables it was taken from; after loading, the rest of
 * the migrations carry it forward like any upgrade.
 */
public final class ArchiveSchema {

  private ArchiveSchema() {}

  /** Refuses a database that already holds tables in its schema. */
  public static void requireEmpty(Connection c) throws SQLException, ArchiveException {
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT count(*) FROM pg_class WHERE relnamespace = current_schema()::regnamespace"
                    + " AND relkind IN ('r', 'p')");
        ResultSet rows = s.executeQuery()) {
      rows.next();
      if (rows.getLong(1) > 0) {
        throw new ArchiveException(
            "the target database is not empty ("
                + rows.getLong(1)
                + " tables); an offline restore needs an empty database");
      }
    }
  }

  /** Migrates to {@code version}; refuses an archive newer than this build knows. */
  public static void migrateTo(DataSource dataSource, String version) throws ArchiveException {
    migrateTo(dataSource, null, version);
  }

  /**
   * Migrates {@code schema} (created if missing; null means the connection's own schema) to {@code
   * version}. Lectern's migrations name no schema, so they build the same tables in any.
   */
  public static void migrateTo(DataSource dataSource, String schema, String version)
      throws ArchiveException {
    prepare(dataSource, schema, version).migrate();
  }

  /**
   * Everything short of writing: Flyway configured, the migrations read and compared with the
   * database, an archive newer than this build refused. Lets a restore do this while it is still
   * verifying the archive, and write only once the archive proved sound.
   */
  public static Flyway prepare(DataSource dataSource, String schema, String version)
      throws ArchiveException {
    Flyway flyway = flyway(dataSource, schema, MigrationVersion.fromVersion(version));
    MigrationVersion newest =
        java.util.Arrays.stream(flyway.info().all())
            .map(m -> m.getVersion())
            .filter(v -> v != null)
            .max(MigrationVersion::compareTo)
            .orElse(MigrationVersion.EMPTY);
    if (MigrationVersion.fromVersion(version).isNewerThan(newest.getVersion())) {
      throw new ArchiveException(
          "the archive is at schema "
              + version
              + ", newer than this Lectern knows ("
              + newest.getVersion()
              + "); restore it with the Lectern that wrote it");
    }
    return flyway;
  }

  /** Applies the migrations that came after the archive's version. */
  public static void migrateToLatest(DataSource dataSource, String schema) {
    flyway(dataSource, schema, MigrationVersion.LATEST).migrate();
  }

  private static Flyway flyway(DataSource dataSource, String schema, MigrationVersion target) {
    ClassLoader loader = ArchiveSchema.class.getClassLoader();
    var configuration = Flyway.configure(loader);
    if (schema != null) {
      configuration.schemas(schema).defaultSchema(schema);
    }
    return configuration
        .dataSource(dataSource)
        .resourceProvider(new ClasspathMigrations(loader))
        .javaMigrationClassProvider(List::of)
        .callbackLocations(new String[0])
        .connectRetries(0)
        // Only ever an empty target or a scratch schema: a restore that finds the archive
        // damaged drops what it just built. The live schema is migrated by SchemaMigrator.
        .cleanDisabled(false)
        .target(target)
        .load();
  }
}
