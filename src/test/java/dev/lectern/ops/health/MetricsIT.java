package dev.lectern.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
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
}
