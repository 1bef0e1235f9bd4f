package dev.lectern.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.PrivatePostgres;
import dev.lectern.testing.PrivateRedis;
import dev.lectern.testing.Sql;
import dev.lectern.testing.TcpProxy;
import dev.lectern.testing.TestEnvironment;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One Lectern server against a private PostgreSQL and Redis, reached through TCP proxies, living
 * through a whole outage story: booted with the database down, the database appearing, stopping,
 * hanging and returning, Redis stopping, hanging and returning. The steps run in order and share
 * the server, so the story costs one server start.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DependencyOutageIT {

  private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

  private static PrivatePostgres postgres;
  private static PrivateRedis redis;
  private static TcpProxy postgresProxy;
  private static TcpProxy redisProxy;
  private static LecternServer server;
  private static Http http;
  private static String adminToken;

  @BeforeAll
  static void bootWithTheDatabaseDown() throws Exception {
    postgres = new PrivatePostgres("outage");
    redis = new PrivateRedis("outage");
    redis.start();
    postgresProxy = new TcpProxy("127.0.0.1", postgres.port());
    redisProxy = new TcpProxy("127.0.0.1", Integer.parseInt(redis.url().replaceAll(".*:", "")));
    server =
        new LecternServer("outage")
            .with("DB_URL", "jdbc:postgresql://127.0.0.1:" + postgresProxy.port() + "/lectern")
            .with("DB_USER", "postgres")
            .with("DB_PASSWORD", "")
            .with("REDIS_URL", "redis://127.0.0.1:" + redisProxy.port())
            .start();
    http = server.http();
  }

  @AfterAll
  static void tearDown() {
    if (server != null) {
      server.close();
    }
    if (postgresProxy != null) {
      postgresProxy.close();
    }
    if (redisProxy != null) {
      redisProxy.close();
    }
    if (postgres != null) {
      postgres.stop();
    }
    if (redis != null) {
      redis.stop();
    }
  }

  @Test
  @Order(1)
  void shouldStartAndStayLiveButNotReadyWhileTheDatabaseIsDown() {
    assertThat(http.get("/health/started").status()).isEqualTo(200);
    assertThat(http.get("/health/live").status()).isEqualTo(200);
    assertThat(http.get("/healthz").status()).isEqualTo(200);
    HttpResult ready = http.get("/health/ready");
    assertThat(ready.status()).isEqualTo(503);
    assertThat(ProbesIT.check(ready, "database").getJsonObject("data").getString("reason"))
        .contains("unreachable");
    assertThat(http.get("/readyz").status()).isEqualTo(503);
    HttpResult report = http.get("/api/v1/health");
    assertThat(report.status()).isEqualTo(503);
    assertThat(report.json().getString("status")).isEqualTo("unhealthy");
  }

  @Test
  @Order(2)
  void shouldAnswerPlatformRequestsWithJson503WhileTheDatabaseIsDown() {
    HttpResult login =
        http.postJson("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"x\"}");
    assertThat(login.status()).isEqualTo(503);
    assertThat(login.errorCode()).isEqualTo("database_not_ready");
    assertThat(login.header("Retry-After")).isPresent();
  }

  @Test
  @Order(3)
  void shouldMigrateAndBecomeReadyWithoutRestartWhenTheDatabaseAppears() throws Exception {
    postgres.start();
    Sql.execute(postgres.jdbcUrl("postgres"), "CREATE DATABASE lectern");
    Duration took =
        Eventually.within(
            Duration.ofSeconds(15),
            () -> http.get("/health/ready").status() == 200,
            () -> http.get("/health/ready").toString());
    System.out.println("Ready " + took.toMillis() + " ms after the database appeared");
    try (Connection db = Sql.connect(postgres.jdbcUrl("lectern"))) {
      assertThat(Sql.count(db, "select count(*) from flyway_schema_history where success"))
          .isGreaterThanOrEqualTo(2);
      assertThat(Sql.count(db, "select count(*) from platform_account where username = 'admin'"))
          .isEqualTo(1);
    }
    adminToken = http.login("admin", TestEnvironment.adminPassword());
  }

  @Test
  @Order(4)
  void shouldGoNotReadyWithinFiveSecondsWhenTheDatabaseStops() {
    assertThat(http.get("/api/v1/admin/users", adminToken).status()).isEqualTo(200);
    postgres.stop();
    Duration took =
        Eventually.within(
            FIVE_SECONDS,
            () -> http.get("/health/ready").status() == 503 && http.get("/readyz").status() == 503,
            () -> http.get("/health/ready").toString());
    System.out.println("Not ready " + took.toMillis() + " ms after the database stopped");
    assertThat(http.get("/health/live").status()).isEqualTo(200);
    HttpResult users = http.get("/api/v1/admin/users", adminToken);
    assertThat(users.status()).as(users.toString()).isEqualTo(503);
    assertThat(users.errorCode()).isEqualTo("database_unavailable");
    HttpResult login =
        http.postJson(
            "/api/v1/auth/login",
            dev.lectern.testing.Json.object(
                    "username", "admin", "password", TestEnvironment.adminPassword())
                .toString());
    assertThat(login.status()).isEqualTo(503);
  }

  @Test
  @Order(5)
  void shouldBeReadyWithinFiveSecondsWhenTheDatabaseReturns() {
    postgres.start();
    Duration took =
        Eventually.within(
            FIVE_SECONDS,
            () -> http.get("/health/ready").status() == 200,
            () -> http.get("/health/ready").toString());
    System.out.println("Ready " + took.toMillis() + " ms after the database returned");
    assertThat(http.get("/api/v1/admin/users", adminToken).status()).isEqualTo(200);
  }

  @Test
  @Order(6)
  void shouldReportAHungDatabaseWithinTheProbeTimeBox() {
    postgresProxy.mode(TcpProxy.Mode.HANG);
    try {
      HttpResult ready = readyWithinTimeBox();
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ProbesIT.check(ready, "database").getJsonObject("data").getString("reason"))
          .contains("timed out");
      assertThat(http.get("/health/live").status()).isEqualTo(200);
    } finally {
      postgresProxy.mode(TcpProxy.Mode.FORWARD);
    }
    Eventually.within(
        FIVE_SECONDS,
        () -> http.get("/health/ready").status() == 200,
        () -> http.get("/health/ready").toString());
  }

  @Test
  @Order(7)
  void shouldStayReadyButReportDegradedWhileRedisIsDown() {
    redis.stop();
    HttpResult ready = http.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ProbesIT.check(ready, "redis").getJsonObject("data").getString("mode"))
        .isEqualTo("fallback");
    assertThat(http.get("/readyz").status()).isEqualTo(200);
    HttpResult report = http.get("/api/v1/health");
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.json().getString("status")).isEqualTo("degraded");
    assertThat(http.get("/api/v1/admin/users", adminToken).status()).isEqualTo(200);
    // OneRoster reads go on without the shared cache.
    HttpResult orgs = http.get("/ims/oneroster/rostering/v1p2/orgs", adminToken);
    assertThat(orgs.status()).as(orgs.toString()).isEqualTo(200);
    assertThat(orgs.header("X-Total-Count")).contains("0");
  }

  @Test
  @Order(8)
  void shouldBeHealthyAgainByItselfWhenRedisReturns() {
    redis.start();
    Eventually.within(
        FIVE_SECONDS,
        () -> "healthy".equals(http.get("/api/v1/health").json().getString("status")),
        () -> http.get("/api/v1/health").toString());
  }

  @Test
  @Order(9)
  void shouldReportAHungRedisWithinTheProbeTimeBoxAndStayReady() {
    redisProxy.mode(TcpProxy.Mode.HANG);
    try {
      HttpResult ready = readyWithinTimeBox();
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ProbesIT.check(ready, "redis").getJsonObject("data").getString("mode"))
          .isEqualTo("fallback");
      // A hung Redis costs the cache one timeout, then it is skipped: reads stay fast.
      http.get("/ims/oneroster/rostering/v1p2/orgs", adminToken);
      long start = System.nanoTime();
      HttpResult orgs = http.get("/ims/oneroster/rostering/v1p2/orgs", adminToken);
      assertThat(orgs.status()).isEqualTo(200);
      assertThat((System.nanoTime() - start) / 1_000_000).as("read time").isLessThan(500);
    } finally {
      redisProxy.mode(TcpProxy.Mode.FORWARD);
    }
  }

  /** Readiness must answer within the probes' 2 s time box even when a dependency hangs. */
  private static HttpResult readyWithinTimeBox() {
    long start = System.nanoTime();
    HttpResult ready = http.get("/health/ready");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(millis).as("probe answer time").isLessThan(2_500);
    return ready;
  }
}
