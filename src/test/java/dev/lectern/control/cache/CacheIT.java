package dev.lectern.control.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.RosterFixture;
import dev.lectern.testing.TestEnvironment;
import jakarta.json.Json;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class CacheIT {

  private static final Http HTTP = Http.lectern();
  private static final String USERS = "/ims/oneroster/rostering/v1p2/users?filter=";
  private static RosterFixture fixture;
  private static String admin;

  @BeforeAll
  static void loadDistrict() {
    fixture = RosterFixture.load();
    admin = HTTP.adminToken();
  }

  @Test
  void shouldServeRepeatedTotalsFromRedisAndCountHits() {
    long hitsBefore = stats().getJsonNumber("hits").longValue();
    String path = USERS + encode(fixture.onlyMine());
    assertThat(HTTP.get(path, admin).header("X-Total-Count")).contains("3");
    assertThat(HTTP.get(path, admin).header("X-Total-Count")).contains("3");
    var stats = stats();
    assertThat(stats.getString("backend")).isEqualTo("redis");
    assertThat(stats.getJsonNumber("hits").longValue()).isGreaterThan(hitsBefore);
    assertThat(stats.getJsonNumber("keys").longValue()).isPositive();
  }

  @Test
  void shouldShowAWriteOnAnotherServerAtOnce() {
    String path = USERS + encode(fixture.onlyMine());
    try (LecternServer second = new LecternServer("cache").start().awaitReady()) {
      Http other = second.http();
      assertThat(other.get(path, admin).header("X-Total-Count")).contains("3");
      HttpResult created =
          HTTP.send(
              HTTP.request("/api/v1/admin/roster/users/" + fixture.id("new-user"))
                  .header("Authorization", "Bearer " + admin)
                  .header("Content-Type", "application/json")
                  .PUT(HttpRequest.BodyPublishers.ofString(newUser())));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      assertThat(other.get(path, admin).header("X-Total-Count")).contains("4");
    }
  }

  @Test
  void shouldClearOnlyCacheKeysAndLetOperatorsReadButNotClear() {
    String foreignKey = TestEnvironment.redisKeyPrefix() + "ratelimit:survivor";
    try (RedisClient redis = RedisClient.create(java.net.URI.create(TestEnvironment.redisUrl()))) {
      redis.set(foreignKey, "1");
      HTTP.get(USERS + encode(fixture.onlyMine()), admin);
      HttpResult byPattern =
          HTTP.send(
              HTTP.request("/api/v1/cache/roster:*")
                  .header("Authorization", "Bearer " + admin)
                  .DELETE());
      assertThat(byPattern.status()).isEqualTo(200);
      assertThat(byPattern.json().getJsonNumber("deleted").longValue()).isPositive();
      HttpResult cleared =
          HTTP.send(
              HTTP.request("/api/v1/cache/clear")
                  .header("Authorization", "Bearer " + admin)
                  .POST(HttpRequest.BodyPublishers.noBody()));
      assertThat(cleared.status()).isEqualTo(200);
      assertThat(redis.get(foreignKey)).isEqualTo("1");
      redis.del(foreignKey);
    }
    String operator = operatorToken();
    assertThat(HTTP.get("/api/v1/cache/stats", operator).status()).isEqualTo(200);
    HttpResult refused =
        HTTP.send(
            HTTP.request("/api/v1/cache/clear")
                .header("Authorization", "Bearer " + operator)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(refused.status()).isEqualTo(403);
  }

  private static jakarta.json.JsonObject stats() {
    HttpResult stats = HTTP.get("/api/v1/cache/stats", admin);
    assertThat(stats.status()).isEqualTo(200);
    return stats.json();
  }

  private static String operatorToken() {
    String name = "cache-operator-" + fixture.id("x");
    HTTP.postJson(
        "/api/v1/admin/users",
        Json.createObjectBuilder()
            .add("username", name)
            .add("password", "operator-password-1")
            .add("roles", Json.createArrayBuilder().add("operator"))
            .build()
            .toString(),
        admin);
    return HTTP.login(name, "operator-password-1");
  }

  private static String newUser() {
    return Json.createObjectBuilder()
        .add("enabledUser", "true")
        .add("username", "cacheuser")
        .add("givenName", "Cache")
        .add("familyName", "Test")
        .add(
            "roles",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("roleType", "primary")
                        .add("role", "student")
                        .add(
                            "org",
                            Json.createObjectBuilder().add("sourcedId", fixture.id("school-1")))))
        .build()
        .toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
