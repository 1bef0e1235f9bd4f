package dev.lectern.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.Sql;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.time.Duration;

/**
 * What {@link ControlPlaneIT} checks of the operating mode: set on one replica, followed by the
 * other within a second by notification alone (its poll interval is far longer), also after every
 * listening connection was cut, and what each mode refuses there.
 */
final class ModeChecks {

  private static final String ORGS = "/ims/oneroster/rostering/v1p2/orgs?limit=1";
  private static final String ROSTER_WRITE = "/api/v1/admin/roster/orgs/mode-it-org";
  private static final Duration FOLLOWED = Duration.ofSeconds(1);

  private ModeChecks() {}

  /** {@code other} must poll the feed far less often than once a second. */
  static void sharedAcrossReplicas(Http one, Http other, String admin, String database)
      throws Exception {
    assertThat(other.get("/api/v1/admin/mode", admin).body()).contains("\"mode\":\"normal\"");
    HttpResult set =
        put(
            one,
            "/api/v1/admin/mode",
            "{\"mode\":\"read-only\",\"reason\":\"restore drill\"}",
            admin);
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    Duration seen =
        Eventually.within(
            FOLLOWED,
            () -> other.get("/api/v1/admin/mode", admin).body().contains("\"mode\":\"read-only\""),
            () -> "the other replica is not read-only within 1 s");
    System.out.printf("read-only seen by the other replica after %d ms%n", seen.toMillis());

    HttpResult write =
        put(other, ROSTER_WRITE, "{\"name\":\"Mode IT\",\"type\":\"school\"}", admin);
    assertThat(write.status()).isEqualTo(503);
    assertThat(write.errorCode()).isEqualTo("read_only");
    assertThat(write.body()).contains("restore drill");
    assertThat(write.header("Retry-After")).isPresent();
    assertThat(other.get(ORGS, admin).status()).isEqualTo(200);
    assertThat(other.get("/api/v1/health").body()).contains("\"mode\":\"read-only\"");
    assertThat(other.get("/metrics?scope=application").body())
        .containsPattern("lectern_operating_mode\\{mode=\"read-only\"[^}]*\\} 1");

    // Every listening connection cut: each replica listens again and still follows at once.
    try (Connection db = Sql.connect(database)) {
      assertThat(
              Sql.count(
                  db,
                  "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                      + " WHERE datname = current_database()"
                      + " AND query LIKE 'SELECT topic, version%'"))
          .isGreaterThanOrEqualTo(2);
    }
    put(one, "/api/v1/admin/mode", "{\"mode\":\"maintenance\",\"reason\":\"upgrade\"}", admin);
    Eventually.within(
        FOLLOWED,
        () -> other.get(ORGS, admin).status() == 503,
        () -> "OneRoster still served in maintenance");
    assertThat(other.get(ORGS, admin).body()).contains("server_busy");
    assertThat(other.get("/health/ready").status()).isEqualTo(200);
    assertThat(other.get("/api/v1/admin/users", admin).status()).isEqualTo(200);

    put(one, "/api/v1/admin/mode", "{\"mode\":\"normal\"}", admin);
    Eventually.within(
        FOLLOWED,
        () -> other.get(ORGS, admin).status() == 200,
        () -> "the other replica is not back to normal");
  }

  private static HttpResult put(Http http, String path, String json, String token) {
    return http.send(
        http.request(path)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }
}
