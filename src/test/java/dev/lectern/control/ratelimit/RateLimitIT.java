package dev.lectern.control.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.Json;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.PrivateRedis;
import dev.lectern.testing.TestEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two replicas with the production defaults of every tier but {@code login-source} (and what
 * sessions do without Redis) (the test run raises them for the other tests), sharing the database
 * and a Redis of this test's own, which it stops and starts. The tests here fail more sign-ins from
 * one address than {@code login-source} allows; LoginThrottleIT holds that tier.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitIT {

  private static final String[] TIERS = {
    "AUTH", "LOGIN", "PASSWORD_RESET", "READ", "WRITE", "UPLOAD", "ADMIN", "ANONYMOUS", "ONEROSTER"
  };

  private static PrivateRedis redis;
  private static LecternServer first;
  private static LecternServer second;
  private static String admin;

  @BeforeAll
  static void startReplicas() {
    admin = Http.lectern().adminToken();
    redis = new PrivateRedis("ratelimit");
    redis.start();
    first = replica("ratelimit-a").launch();
    second = replica("ratelimit-b").launch();
    first.awaitStarted().awaitReady();
    second.awaitStarted().awaitReady();
  }

  private static LecternServer replica(String name) {
    LecternServer server =
        new LecternServer(name).with("REDIS_URL", redis.url()).with("REDIS_KEY_PREFIX", "rl:");
    for (String tier : TIERS) {
      server.without("RATE_LIMIT_" + tier);
    }
    return server;
  }

  @AfterAll
  static void stopReplicas() {
    for (AutoCloseable closeable : new AutoCloseable[] {first, second, redis}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        // keep closing the others
      }
    }
  }

  @Test
  @Order(1)
  void shouldAnnounceTheProductionDefaultsOnOrdinaryResponses() {
    Http http = first.http();
    HttpResult adminCall = http.get("/api/v1/admin/users", admin);
    assertThat(adminCall.status()).isEqualTo(200);
    assertThat(adminCall.header("RateLimit-Policy")).contains("\"admin\";q=100;w=60");
    assertThat(adminCall.header("RateLimit")).hasValueSatisfying(v -> v.startsWith("\"admin\";r="));
    HttpResult read = http.get("/ims/oneroster/rostering/v1p2/orgs?limit=1", admin);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("RateLimit-Policy")).contains("\"read\";q=60;w=60");
    HttpResult anonymous =
        http.get(
            "/ims/oneroster/rostering/v1p2/discovery/onerosterv1p2rostersservice_openapi3_v1p0.json");
    assertThat(anonymous.header("RateLimit-Policy")).contains("\"anonymous\";q=60;w=60");
    HttpResult login = failedLogin(http, "nobody-" + UUID.randomUUID());
    assertThat(login.status()).isEqualTo(401);
    assertThat(login.header("RateLimit-Policy")).contains("\"login\";q=5;w=60");
    assertThat(login.header("RateLimit")).hasValueSatisfying(v -> v.contains(";r=4;"));
  }

  @Test
  @Order(1)
  void shouldCountCacheInvalidationByQueryInTheAdminTierLikeItsSiblings() {
    Http http = first.http();
    HttpResult invalidate =
        http.send(
            http.request("/api/v1/cache?pattern=route-none-" + UUID.randomUUID())
                .header("Authorization", "Bearer " + admin)
                .DELETE());
    assertThat(invalidate.status()).as(invalidate.toString()).isEqualTo(200);
    assertThat(invalidate.header("RateLimit-Policy")).contains("\"admin\";q=100;w=60");
  }

  @Test
  @Order(2)
  void shouldRefuseTheSixthLoginInAMinuteWithRetryAfter() {
    String username = "victim-" + UUID.randomUUID();
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(failedLogin(first.http(), username).status()).isEqualTo(401);
    }
    HttpResult refused = failedLogin(first.http(), username);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.errorCode()).isEqualTo("rate_limited");
    assertThat(refused.json().getJsonObject("error").getString("requestId")).isNotBlank();
    long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 60L);
    assertThat(refused.header("RateLimit")).hasValueSatisfying(v -> v.contains(";r=0;"));
    assertThat(failedLogin(first.http(), "someone-else-" + UUID.randomUUID()).status())
        .isEqualTo(401);
  }

  @Test
  @Order(3)
  void shouldShareBucketsBetweenReplicas() {
    assertThat(statusesAlternating("shared-" + UUID.randomUUID(), 6))
        .containsExactly(401, 401, 401, 401, 401, 429);
  }

  @Test
  @Order(4)
  void shouldLimitPerServerWhileRedisIsDownAndShareAgainWhenItIsBack() {
    redis.stop();
    try {
      // Each replica counts on its own: alternating gets five attempts on each.
      String local = "local-" + UUID.randomUUID();
      assertThat(statusesAlternating(local, 10)).containsOnly(401);
      assertThat(failedLogin(first.http(), local).status()).isEqualTo(429);
      assertThat(failedLogin(second.http(), local).status()).isEqualTo(429);

      // Sessions need Redis: logins still give access tokens, refresh says why it cannot work.
      HttpResult login =
          first
              .http()
              .postJson(
                  "/api/v1/auth/login",
                  Json.object("username", "admin", "password", TestEnvironment.adminPassword())
                      .toString());
      assertThat(login.status()).as(login.toString()).isEqualTo(200);
      assertThat(login.json().getString("accessToken")).isNotBlank();
      assertThat(login.json().containsKey("refreshToken")).isFalse();
      HttpResult refresh =
          first
              .http()
              .postJson(
                  "/api/v1/auth/refresh", Json.object("refreshToken", "any-token").toString());
      assertThat(refresh.status()).isEqualTo(503);
      assertThat(refresh.errorCode()).isEqualTo("sessions_unavailable");
      assertThat(first.http().get("/api/v1/health").body()).contains("degraded");
    } finally {
      redis.start();
    }
    Eventually.within(
        Duration.ofSeconds(30),
        () ->
            statusesAlternating("back-" + UUID.randomUUID(), 6)
                .equals(List.of(401, 401, 401, 401, 401, 429)),
        () -> "buckets are not shared again after Redis came back");
  }

  @Test
  @Order(5)
  void shouldAnswerOneRosterClientsInTheImsxShapeWhenLimited() {
    // Admin tokens read OneRoster on the read tier: 60 a minute per user.
    HttpResult last = null;
    for (int request = 0; request < 61; request++) {
      last = first.http().get("/ims/oneroster/rostering/v1p2/orgs?limit=1", admin);
      if (last.status() == 429) {
        break;
      }
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.header("Retry-After")).isPresent();
    assertThat(last.json().getString("imsx_codeMajor")).isEqualTo("failure");
    assertThat(last.body()).contains("\"imsx_codeMinorFieldValue\":\"server_busy\"");
  }

  private static List<Integer> statusesAlternating(String username, int attempts) {
    List<Integer> statuses = new ArrayList<>();
    for (int attempt = 0; attempt < attempts; attempt++) {
      Http http = (attempt % 2 == 0 ? first : second).http();
      statuses.add(failedLogin(http, username).status());
    }
    return statuses;
  }

  private static HttpResult failedLogin(Http http, String username) {
    return http.postJson(
        "/api/v1/auth/login",
        Json.object("username", username, "password", "wrong-password-123").toString());
  }
}
