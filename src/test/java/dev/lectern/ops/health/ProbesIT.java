package dev.lectern.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class ProbesIT {

  private final Http http = Http.lectern();

  @Test
  void shouldReportLiveStartedAndReadyWithEveryDependencyUp() {
    assertThat(http.get("/health/live").status()).isEqualTo(200);
    assertThat(http.get("/health/started").status()).isEqualTo(200);
    HttpResult ready = http.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().getString("status")).isEqualTo("UP");
    JsonObject database = check(ready, "database");
    assertThat(database.getString("status")).isEqualTo("UP");
    assertThat(database.getJsonObject("data").getJsonNumber("latencyMs").longValue())
        .isNotNegative();
    assertThat(database.getJsonObject("data").getString("schema")).isEqualTo("ready");
    JsonObject redis = check(ready, "redis");
    assertThat(redis.getString("status")).isEqualTo("UP");
    assertThat(redis.getJsonObject("data").getString("mode")).isEqualTo("redis");
  }

  @Test
  void shouldAnswerTheSeedAliases() {
    HttpResult healthz = http.get("/healthz");
    assertThat(healthz.status()).isEqualTo(200);
    assertThat(healthz.json().getString("status")).isEqualTo("healthy");

    HttpResult readyz = http.get("/readyz");
    assertThat(readyz.status()).isEqualTo(200);
    assertThat(readyz.json().getString("status")).isEqualTo("ready");
    assertThat(readyz.json().getJsonObject("checks").getJsonObject("database").getString("status"))
        .isEqualTo("up");
  }

  @Test
  void shouldGiveADetailedHealthyReport() {
    HttpResult report = http.get("/api/v1/health");
    assertThat(report.status()).isEqualTo(200);
    JsonObject body = report.json();
    assertThat(body.getString("status")).isEqualTo("healthy");
    assertThat(body.getString("version")).isNotBlank().isNotEqualTo("unknown");
    assertThat(body.getJsonNumber("uptime").longValue()).isNotNegative();
    assertThat(body.getString("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    JsonObject checks = body.getJsonObject("checks");
    assertThat(checks.getJsonObject("database").getString("status")).isEqualTo("up");
    assertThat(checks.getJsonObject("database").containsKey("latencyMs")).isTrue();
    assertThat(checks.getJsonObject("redis").getString("status")).isEqualTo("up");
    assertThat(checks.getJsonObject("redis").containsKey("latencyMs")).isTrue();
  }

  static JsonObject check(HttpResult health, String name) {
    return health.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
  }
}
