package dev.lectern.control.mode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.Sql;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Modes set on one replica and followed by another within a second. */
class ModeIT {

  private static final Http HTTP = Http.lectern();
  private static final String ORGS = "/ims/oneroster/rostering/v1p2/orgs?limit=1";
  private static final String ROSTER_WRITE = "/api/v1/admin/roster/orgs/mode-it-org";
  private final String admin = HTTP.adminToken();

  @AfterEach
  void backToNormal() {
    setMode("{\"mode\":\"normal\"}");
  }

  @Test
  void shouldShareModesAcrossReplicasAndRefuseWhatEachModeRefuses() throws Exception {
    // A poll interval no test waits for: the second replica follows changes by notification only.
    try (LecternServer second =
        new LecternServer("mode").with("CHANGE_FEED_POLL_MILLIS", "30000").start().awaitReady()) {
      Http other = second.http();
      assertThat(other.get("/api/v1/admin/mode", admin).body()).contains("\"mode\":\"normal\"");
      HttpResult set = setMode("{\"mode\":\"read-only\",\"reason\":\"restore drill\"}");
      assertThat(set.status()).as(set.toString()).isEqualTo(200);
      long start = System.nanoTime();
      Eventually.within(
          Duration.ofSeconds(1),
          () -> other.get("/api/v1/admin/mode", admin).body().contains("\"mode\":\"read-only\""),
          () -> "the second replica is not read-only within 1 s");
      System.out.printf(
          "read-only seen by the second replica after %d ms%n",
          (System.nanoTime() - start) / 1_000_000);

      HttpResult write = put(other, ROSTER_WRITE, "{\"name\":\"Mode IT\",\"type\":\"school\"}");
      assertThat(write.status()).isEqualTo(503);
      assertThat(write.errorCode()).isEqualTo("read_only");
      assertThat(write.body()).contains("restore drill");
      assertThat(write.header("Retry-After")).isPresent();
      assertThat(other.get(ORGS, admin).status()).isEqualTo(200);
      assertThat(other.get("/api/v1/health").body()).contains("\"mode\":\"read-only\"");
      assertThat(other.get("/metrics?scope=application").body())
          .containsPattern("lectern_operating_mode\\{mode=\"read-only\"[^}]*\\} 1");

      // Every listening connection cut: each replica listens again and still follows at once.
      try (Connection db = Sql.lecternDatabase()) {
        assertThat(
                Sql.count(
                    db,
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND query LIKE 'SELECT topic, version%'"))
            .isGreaterThanOrEqualTo(2);
      }
      setMode("{\"mode\":\"maintenance\",\"reason\":\"upgrade\"}");
      Eventually.within(
          Duration.ofSeconds(1),
          () -> other.get(ORGS, admin).status() == 503,
          () -> "OneRoster still served in maintenance");
      assertThat(other.get(ORGS, admin).body()).contains("server_busy");
      assertThat(other.get("/health/ready").status()).isEqualTo(200);
      assertThat(other.get("/api/v1/admin/users", admin).status()).isEqualTo(200);
      assertThat(other.adminToken()).isNotBlank();
    }
  }

  @Test
  void shouldEndAModeAtItsUntilAndRecordChanges() {
    String until = Instant.now().plusSeconds(2).toString();
    assertThat(setMode("{\"mode\":\"maintenance\",\"until\":\"" + until + "\"}").status())
        .isEqualTo(200);
    assertThat(HTTP.get(ORGS, admin).status()).isEqualTo(503);
    Eventually.within(
        Duration.ofSeconds(5),
        () -> HTTP.get(ORGS, admin).status() == 200,
        () -> "maintenance did not end at its until");
    assertThat(setMode("{\"mode\":\"closed\"}").status()).isEqualTo(422);
    assertThat(setMode("{\"mode\":\"read-only\",\"until\":\"2020-01-01T00:00:00Z\"}").status())
        .isEqualTo(422);
    assertThat(HTTP.get("/api/v1/admin/audit-logs?action=mode.change", admin).body())
        .contains("maintenance");
  }

  private HttpResult setMode(String json) {
    return put(HTTP, "/api/v1/admin/mode", json);
  }

  private HttpResult put(Http http, String path, String json) {
    return http.send(
        http.request(path)
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }
}
