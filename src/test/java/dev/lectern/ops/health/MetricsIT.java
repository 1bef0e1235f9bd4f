package dev.lectern.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class MetricsIT {

  private final Http http = Http.lectern();

  @Test
  void shouldBeScrapeableWithoutLoginInPrometheusFormat() {
    http.get("/api/v1/health");
    HttpResult metrics = http.get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.header("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(metrics.body())
        .contains("# TYPE")
        .contains("connectionpool_")
        .contains("datasource=\"jdbc_lectern\"")
        .contains("REST_request")
        .contains("lectern_dependency_up{dependency=\"database\"")
        .contains("lectern_schema_ready");
  }

  @Test
  void shouldTimeEveryRequestByRouteTemplateWithBuckets() {
    String token = http.adminToken();
    http.get("/ims/oneroster/rostering/v1p2/users/no-such-user-" + System.nanoTime(), token);
    http.send(http.request("/api/v1/health").method("BREW", HttpRequest.BodyPublishers.noBody()));
    String metrics = http.get("/metrics").body();
    assertThat(metrics)
        .contains("# TYPE lectern_http_request_duration_seconds histogram")
        .containsPattern(
            "lectern_http_request_duration_seconds_bucket\\{method=\"GET\",mp_scope=\"application\","
                + "route=\"/ims/oneroster/rostering/v1p2/users/\\{id}\",status=\"4xx\",le=\"\\+Inf\",} [1-9]")
        .contains("method=\"other\"")
        .doesNotContainPattern("lectern_http_request_duration_seconds_count\\{[^}]*BREW")
        .doesNotContain("no-such-user-");
  }
}
