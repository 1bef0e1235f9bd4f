package dev.lectern.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.Sql;
import dev.lectern.testing.TestEnvironment;
import java.sql.Connection;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database whose schema is newer than the code is refused, visibly, until it fits again; once
 * migrated, an empty roster gets the demo district when {@code LECTERN_DEMO_DATA=true}.
 */
class SchemaVersionIT {

  @Test
  void shouldRefuseANewerSchemaThenMigrateWithoutRestartOnceItFits() throws Exception {
    String url = Sql.createDatabase("future");
    // Migrated by an older Lectern (V1), then by a newer one (V999) than the code under test.
    Flyway.configure()
        .dataSource(url, "postgres", "")
        .locations("classpath:db/migration")
        .target("1")
        .load()
        .migrate();
    Sql.execute(
        url,
        "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success) VALUES (99, '999', 'from the"
            + " future', 'SQL', 'V999__from_the_future.sql', 0, 'test', 0, true)");

    try (LecternServer server =
        new LecternServer("future").with("DB_URL", url).with("LECTERN_DEMO_DATA", "true").start()) {
      Http http = server.http();
      Eventually.within(
          Duration.ofSeconds(15),
          () -> reason(http.get("/health/ready")).contains("newer than this Lectern"),
          () -> http.get("/health/ready").toString());
      assertThat(http.get("/health/ready").status()).isEqualTo(503);
      assertThat(http.get("/health/live").status()).isEqualTo(200);

      Sql.execute(url, "DELETE FROM flyway_schema_history WHERE version = '999'");
      Eventually.within(
          Duration.ofSeconds(15),
          () -> http.get("/health/ready").status() == 200,
          () -> http.get("/health/ready").toString());
      try (Connection db = Sql.connect(url)) {
        assertThat(Sql.count(db, "select count(*) from flyway_schema_history where version = '2'"))
            .isEqualTo(1);
      }
      HttpResult users =
          http.get(
              "/ims/oneroster/rostering/v1p2/users?limit=1",
              http.login("admin", TestEnvironment.adminPassword()));
      assertThat(users.header("X-Total-Count")).contains("300");
    }
  }

  private static String reason(HttpResult ready) {
    return ProbesIT.check(ready, "database").getJsonObject("data").getString("reason", "");
  }
}
