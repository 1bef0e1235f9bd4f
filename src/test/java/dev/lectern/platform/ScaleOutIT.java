package dev.lectern.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.PrivatePostgres;
import dev.lectern.testing.PrivateRedis;
import dev.lectern.testing.RosterFixture;
import dev.lectern.testing.Sql;
import dev.lectern.testing.TestEnvironment;
import jakarta.json.Json;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One Lectern over the topology a district scales out to: a PostgreSQL primary with a streaming
 * standby (the read replica, later the failover target) and a Redis master with a replica under a
 * sentinel, all processes of the test's own. The steps run in order and share the processes: reads
 * on the replica, then a replica held back and stopped, then a Redis failover, then a database
 * failover, which ends the topology.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

  private static final String BASE = "/ims/oneroster/rostering/v1p2/";
  private static final String STANDBY = "scale_standby";

  private static PrivatePostgres primary;
  private static PrivatePostgres standby;
  private static PrivateRedis redisMaster;
  private static PrivateRedis redisReplica;
  private static PrivateRedis sentinel;
  private static LecternServer server;
  private static Http http;
  private static String token;
  private static RosterFixture fixture;

  @BeforeAll
  static void startTheTopology() throws Exception {
    primary = new PrivatePostgres("scale-primary");
    primary.start();
    Sql.execute(primary.jdbcUrl("postgres"), "CREATE DATABASE lectern");
    standby = primary.startStandby(STANDBY);
    redisMaster = new PrivateRedis("scale-master");
    redisMaster.start();
    redisReplica = new PrivateRedis("scale-replica");
    redisReplica.startReplicaOf(redisMaster);
    sentinel = new PrivateRedis("scale-sentinel");
    sentinel.startSentinelOf("lectern", redisMaster);
    server =
        new LecternServer("scale")
            .with(
                "DB_URL",
                "jdbc:postgresql://127.0.0.1:"
                    + primary.port()
                    + ",127.0.0.1:"
                    + standby.port()
                    + "/lectern?targetServerType=primary")
            .with("DB_USER", "postgres")
            .with("DB_PASSWORD", "")
            .with("DB_READ_URL", standby.jdbcUrl("lectern"))
            .with("DB_READ_MAX_LAG_SECONDS", "2")
            .with("REDIS_URL", redisMaster.url())
            .with("REDIS_SENTINELS", "127.0.0.1:" + sentinel.port())
            .with("REDIS_SENTINEL_MASTER", "lectern")
            .with("REDIS_KEY_PREFIX", "scale:")
            .start()
            .awaitReady();
    http = server.http();
    token = http.login("admin", TestEnvironment.adminPassword());
    fixture = RosterFixture.load(primary.jdbcUrl("lectern"));
  }

  @AfterAll
  static void stopTheTopology() {
    for (AutoCloseable process :
        new AutoCloseable[] {server, sentinel, redisReplica, redisMaster, standby, primary}) {
      try {
        if (process != null) {
          process.close();
        }
      } catch (Exception e) {
        System.out.println("could not stop " + process + ": " + e);
      }
    }
  }

  @Test
  @Order(1)
  void theReplicaServesOneRosterReadsWhileInSync() {
    Eventually.within(
        Duration.ofSeconds(10),
        () -> metric("lectern_db_replica_serving") == 1,
        () -> server.messages());
    double before = routed("replica", "caught_up");
    HttpResult school = http.get(BASE + "schools/" + fixture.id("school-1"), token);
    assertThat(school.status()).as(school.toString()).isEqualTo(200);
    HttpResult orgs = http.get(BASE + "orgs?filter=" + encode(fixture.onlyMine()), token);
    assertThat(orgs.body()).contains(fixture.id("district"));
    assertThat(routed("replica", "caught_up")).isGreaterThanOrEqualTo(before + 2);
  }

  @Test
  @Order(2)
  void aReplicaHeldBackSendsReadsToThePrimaryAndADeltaSyncMissesNothing() throws Exception {
    String since = Instant.now().minusSeconds(1).toString();
    Sql.execute(standby.jdbcUrl("lectern"), "SELECT pg_wal_replay_pause()");
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id = fixture.id("delta-" + i);
      assertThat(putSchool(id, "Delta " + i).status()).isEqualTo(201);
      changed.add(id);
    }
    // Each read right after the writes: the replica has not replayed them, the primary answers.
    double behind = routed("primary", "behind");
    String delta = "dateLastModified>'" + since + "' AND " + fixture.onlyMine();
    HttpResult sync = http.get(BASE + "orgs?filter=" + encode(delta), token);
    assertThat(sync.status()).as(sync.toString()).isEqualTo(200);
    assertThat(sync.body()).contains(changed);
    assertThat(routed("primary", "behind")).isGreaterThan(behind);

    // Beyond the lag bound the replica is not even asked.
    Eventually.within(
        Duration.ofSeconds(10),
        () -> metric("lectern_db_replica_serving") == 0,
        () -> "lag " + metric("lectern_db_replica_lag_seconds"));
    assertThat(metric("lectern_db_replica_lag_seconds")).isGreaterThan(2);
    double refused = routed("primary", "refused");
    assertThat(http.get(BASE + "orgs?filter=" + encode(delta), token).body()).contains(changed);
    assertThat(routed("primary", "refused")).isGreaterThan(refused);
    assertThat(server.messages())
        .contains("OneRoster reads go to the primary: the read replica lags");

    Sql.execute(standby.jdbcUrl("lectern"), "SELECT pg_wal_replay_resume()");
    Eventually.within(
        Duration.ofSeconds(10),
        () -> metric("lectern_db_replica_serving") == 1,
        () -> "lag " + metric("lectern_db_replica_lag_seconds"));
    double onReplica = routed("replica", "caught_up");
    assertThat(http.get(BASE + "orgs?filter=" + encode(delta), token).body()).contains(changed);
    assertThat(routed("replica", "caught_up")).isGreaterThan(onReplica);
  }

  @Test
  @Order(3)
  void readsContinueOnThePrimaryWhileTheReplicaIsDown() {
    standby.stop();
    for (int i = 0; i < 5; i++) {
      HttpResult read = http.get(BASE + "schools/" + fixture.id("school-1"), token);
      assertThat(read.status()).as(read.toString()).isEqualTo(200);
    }
    assertThat(metric("lectern_db_replica_serving")).isZero();
    assertThat(http.get("/health/ready").status()).isEqualTo(200);
    assertThat(server.messages())
        .contains("OneRoster reads go to the primary: the read replica is unreachable");
    standby.start();
    Eventually.within(
        Duration.ofSeconds(15),
        () -> metric("lectern_db_replica_serving") == 1,
        () -> "lag " + metric("lectern_db_replica_lag_seconds"));
  }

  @Test
  @Order(4)
  void aRedisFailoverIsFollowedWithoutRestartOrServerErrors() throws Exception {
    assertThat(ratelimitKeys(redisMaster)).isPositive();
    redisMaster.stop();
    long killed = System.nanoTime();
    List<Integer> statuses = new ArrayList<>();
    Duration shared =
        Eventually.within(
            Duration.ofSeconds(30),
            () -> {
              statuses.add(http.get(BASE + "schools/" + fixture.id("school-1"), token).status());
              statuses.add(http.get("/api/v1/admin/jobs", token).status());
              return isMaster(redisReplica) && clearedThenWrittenAgain();
            },
            () -> "statuses " + statuses);
    System.out.println(
        "Rate limits in Redis again "
            + Duration.ofNanos(System.nanoTime() - killed).toMillis()
            + " ms after the master stopped ("
            + shared.toMillis()
            + " ms of polling, "
            + statuses.size()
            + " requests)");
    assertThat(statuses).allSatisfy(status -> assertThat(status).isLessThan(500));
    assertThat(http.login("admin", TestEnvironment.adminPassword())).isNotBlank();
  }

  @Test
  @Order(5)
  void aDatabaseFailoverLosesNoAcknowledgedWrite() throws Exception {
    try (Connection db = Sql.connect(primary.jdbcUrl("postgres"))) {
      Sql.execute(
          db,
          "ALTER SYSTEM SET synchronous_standby_names = '" + STANDBY + "'",
          "SELECT pg_reload_conf()");
      Eventually.within(
          Duration.ofSeconds(10),
          () -> syncState(db).equals("sync"),
          () -> "sync_state " + syncState(db));
    }
    Writer writer = new Writer();
    writer.start();
    Eventually.within(Duration.ofSeconds(10), () -> writer.acknowledged().size() >= 5, () -> "");
    primary.stop();
    long stopped = System.nanoTime();
    int before = writer.acknowledged().size();
    Eventually.within(
        Duration.ofSeconds(10),
        () -> http.get("/health/ready").status() == 503,
        () -> http.get("/health/ready").toString());
    standby.promote();
    Duration recovered =
        Eventually.within(
            Duration.ofSeconds(30),
            () -> writer.acknowledged().size() > before + 2,
            () -> "last failure " + writer.lastFailure);
    writer.stopWriting();
    System.out.println(
        "Writes acknowledged again "
            + Duration.ofNanos(System.nanoTime() - stopped).toMillis()
            + " ms after the primary stopped ("
            + recovered.toMillis()
            + " ms after the promotion); "
            + writer.acknowledged().size()
            + " acknowledged in all");
    assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(45));
    Eventually.within(
        Duration.ofSeconds(15), () -> http.get("/health/ready").status() == 200, () -> "");
    try (Connection db = Sql.connect(standby.jdbcUrl("lectern"))) {
      for (String id : writer.acknowledged()) {
        assertThat(Sql.count(db, "select count(*) from roster_org where sourced_id = '" + id + "'"))
            .as(id)
            .isEqualTo(1);
      }
    }
    assertThat(http.get(BASE + "schools/" + fixture.id("school-1"), token).status()).isEqualTo(200);
  }

  /** Writes schools one after another, keeping the ids the server acknowledged. */
  private static final class Writer extends Thread {
    private final List<String> acknowledged = new ArrayList<>();
    private volatile boolean writing = true;
    volatile String lastFailure = "";

    @Override
    public void run() {
      for (int i = 0; writing; i++) {
        String id = fixture.id("failover-" + i);
        try {
          HttpResult put = putSchool(id, "Failover " + i);
          if (put.status() == 201) {
            synchronized (acknowledged) {
              acknowledged.add(id);
            }
          } else {
            lastFailure = put.toString();
            Thread.sleep(100);
          }
        } catch (RuntimeException | InterruptedException e) {
          lastFailure = e.toString();
        }
      }
    }

    List<String> acknowledged() {
      synchronized (acknowledged) {
        return List.copyOf(acknowledged);
      }
    }

    void stopWriting() throws InterruptedException {
      writing = false;
      join(10_000);
    }
  }

  private static HttpResult putSchool(String id, String name) {
    String body =
        Json.createObjectBuilder()
            .add("name", name)
            .add("type", "school")
            .add("parent", Json.createObjectBuilder().add("sourcedId", fixture.id("district")))
            .build()
            .toString();
    return http.send(
        http.request("/api/v1/admin/roster/orgs/" + id)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String syncState(Connection db) {
    try {
      return Sql.text(db, "select coalesce(max(sync_state), '') from pg_stat_replication");
    } catch (java.sql.SQLException e) {
      return e.toString();
    }
  }

  private static boolean isMaster(PrivateRedis redis) {
    try (var client = redis.client()) {
      return client.info("replication").contains("role:master");
    }
  }

  /** Rate-limit buckets cleared on the new master come back: Lectern counts there again. */
  private static boolean clearedThenWrittenAgain() {
    try (var client = redisReplica.client()) {
      for (String key : client.keys("scale:ratelimit:*")) {
        client.del(key);
      }
    }
    http.get(BASE + "schools/" + fixture.id("school-1"), token);
    return ratelimitKeys(redisReplica) > 0;
  }

  private static long ratelimitKeys(PrivateRedis redis) {
    try (var client = redis.client()) {
      return client.keys("scale:ratelimit:*").size();
    }
  }

  private static double routed(String target, String reason) {
    return metric(
        "lectern_db_routed_reads_total\\{[^}]*reason=\"" + reason + "\",target=\"" + target + "\"");
  }

  /** A series of /metrics by a regular expression over its name and labels; 0 when absent. */
  private static double metric(String series) {
    Matcher m =
        Pattern.compile("(?m)^" + series + "[^ ]* ([0-9.eE+-]+)$")
            .matcher(http.get("/metrics").body());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static String encode(String filter) {
    return URLEncoder.encode(filter, StandardCharsets.UTF_8);
  }
}
