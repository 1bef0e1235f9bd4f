package dev.lectern.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.ops.backup.archive.ArchiveSchema;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.Sql;
import dev.lectern.testing.TestEnvironment;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An upgrade: a database with data at an older schema gets a pre-migrate backup before the pending
 * migrations run, and that backup restores online into the newer schema (migrated forward in the
 * shadow schema).
 */
class PreMigrateBackupIT {

  private static final String OLD_VERSION = "11";

  @Test
  void shouldBackUpBeforeMigratingAndRestoreThatBackupIntoTheNewSchema() throws Exception {
    BackupInstallation installation = BackupInstallation.create("premigrate");
    String dbUrl = installation.dbUrl();
    PGSimpleDataSource old = new PGSimpleDataSource();
    old.setURL(dbUrl);
    old.setUser(TestEnvironment.databaseUser());
    old.setPassword(TestEnvironment.databasePassword());
    ArchiveSchema.migrateTo(old, OLD_VERSION);
    Sql.execute(dbUrl, "SELECT roster_generate_district(400, 2000, 2)");
    Map<String, String> before = TableDigests.roster(dbUrl);

    try (LecternServer server = installation.server().start().awaitReady()) {
      BackupClient backups = new BackupClient(server.http(), server.http().adminToken());
      JsonObject preMigrate =
          backups.get("/api/v1/admin/backups").json().getJsonArray("backups").stream()
              .map(JsonObject.class::cast)
              .filter(b -> "pre-migrate".equals(b.getString("trigger")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no pre-migrate backup"));
      assertThat(preMigrate.getString("schemaVersion")).isEqualTo(OLD_VERSION);
      assertThat(preMigrate.getBoolean("verified")).isTrue();
      try (Connection c = Sql.connect(dbUrl)) {
        assertThat(
                Sql.count(
                    c,
                    "SELECT count(*) FROM flyway_schema_history WHERE version::int > "
                        + OLD_VERSION))
            .as("the migrations ran after the backup")
            .isPositive();
      }

      Sql.execute(dbUrl, "DELETE FROM roster_enrollment");
      String id = preMigrate.getString("id");
      HttpResult accepted =
          backups.post("/api/v1/admin/backups/" + id + "/restore", "{\"confirm\":\"" + id + "\"}");
      assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
      JsonObject job = backups.await(backups.started(accepted));
      assertThat(job.getString("state")).as(job.toString()).isEqualTo("completed");
      assertThat(TableDigests.roster(dbUrl)).isEqualTo(before);
    }
  }
}
