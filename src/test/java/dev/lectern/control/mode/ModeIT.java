package dev.lectern.control.mode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A mode that ends at its {@code until} by itself, and refused changes; modes across replicas are
 * checked on the two-replica cluster of {@code ControlPlaneIT}.
 */
class ModeIT {

  private static final Http HTTP = Http.lectern();
  private static final String ORGS = "/ims/oneroster/rostering/v1p2/orgs?limit=1";
  private final String admin = HTTP.adminToken();

  @AfterEach
  void backToNormal() {
    setMode("{\"mode\":\"normal\"}");
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
