package dev.lectern.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Sql;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The one-query check that spares a start Flyway's boot agrees with Flyway: it calls the schema
 * current exactly when Flyway would validate it with nothing to apply, and leaves every other case
 * (no history yet, pending, edited, failed or newer migrations) to Flyway.
 */
class CurrentSchemaIT {

  private static final ClasspathMigrations CODE =
      new ClasspathMigrations(CurrentSchemaIT.class.getClassLoader());

  private static String url;
  private static PGSimpleDataSource dataSource;
  private static Flyway flyway;

  @BeforeAll
  static void freshDatabase() throws Exception {
    url = Sql.createDatabase("current_schema");
    dataSource = new PGSimpleDataSource();
    dataSource.setUrl(url);
    dataSource.setUser("postgres");
    flyway = SchemaMigrator.flyway(dataSource);
  }

  @Test
  void agreesWithFlywayInEveryState() throws Exception {
    assertThat(current()).as("no history table yet").isEmpty();

    flyway.migrate();
    String latest = flyway.info().current().getVersion().toString();
    assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    assertThat(flyway.info().pending()).isEmpty();
    assertThat(current()).as("every migration applied").contains(latest);

    String last = "(SELECT max(installed_rank) FROM flyway_schema_history)";
    Sql.execute(
        url,
        "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE installed_rank = " + last);
    assertThat(flyway.validateWithResult().validationSuccessful).isFalse();
    assertThat(current()).as("an applied migration edited since").isEmpty();
    Sql.execute(
        url,
        "UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE installed_rank = " + last);

    Sql.execute(
        url, "UPDATE flyway_schema_history SET success = false WHERE installed_rank = " + last);
    assertThat(current()).as("the last migration failed").isEmpty();
    Sql.execute(
        url, "UPDATE flyway_schema_history SET success = true WHERE installed_rank = " + last);

    Sql.execute(
        url,
        "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success) SELECT max(installed_rank) + 1,"
            + " '9999', 'from a newer release', 'SQL', 'V9999__from_a_newer_release.sql', 1,"
            + " 'postgres', 1, true FROM flyway_schema_history");
    assertThat(current()).as("a newer release's migration applied").isEmpty();
    Sql.execute(url, "DELETE FROM flyway_schema_history WHERE version = '9999'");

    Sql.execute(url, "DELETE FROM flyway_schema_history WHERE installed_rank = " + last);
    assertThat(flyway.info().pending()).hasSize(1);
    assertThat(current()).as("a migration pending").isEmpty();
  }

  @Test
  void expectsWhatFlywayRecordsForEachMigration() {
    var expected = CurrentSchema.expected(CODE);
    assertThat(expected).hasSize(CODE.files().size());
    assertThat(expected.get(0).version()).isEqualTo("1");
    assertThat(expected.get(0).description()).isEqualTo("platform accounts");
    assertThat(expected.get(0).script()).isEqualTo("V1__platform_accounts.sql");
  }

  private static java.util.Optional<String> current() {
    return CurrentSchema.versionIfCurrent(dataSource, CODE);
  }
}
