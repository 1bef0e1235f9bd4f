package dev.lectern.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.Sql;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * What {@link ControlPlaneIT} checks of maintenance windows: refused plans, a window a few seconds
 * ahead announced and run on time once, a window across a restart of every replica, extensions and
 * cancellations.
 */
final class MaintenanceWindowChecks {

  private static final String ORGS = "/ims/oneroster/rostering/v1p2/orgs?limit=1";
  private static final String WINDOWS = "/api/v1/admin/maintenance-windows";
  private static final String WRITE = "/api/v1/admin/roster/orgs/window-it-org";

  /** How late a start or an end may be, whichever replicas run meanwhile. */
  private static final Duration ON_TIME = Duration.ofSeconds(5);

  private MaintenanceWindowChecks() {}

  /** Plans a read-only window of 6 s starting {@code ahead} from now; answers its id. */
  static long planReadOnly(Http http, String admin, Instant start) {
    HttpResult planned = plan(http, admin, start, start.plusSeconds(6), "read-only");
    assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
    return planned.json().getJsonNumber("id").longValue();
  }

  /** The read-only window planned before every replica restarted: on time, once. */
  static void windowAfterRestartRunsOnTime(
      Http three, Http four, String admin, String database, long id, Instant start)
      throws Exception {
    String org = "{\"name\":\"Window IT\",\"type\":\"school\"}";
    Instant refused =
        firstInstant(() -> put(four, WRITE, org, admin).status() == 503, start, ON_TIME);
    System.out.printf(
        "window after a restart of every replica started %d ms after its time%n",
        Duration.between(start, refused).toMillis());
    assertThat(three.get(ORGS, admin).status())
        .as("reads are served while read-only")
        .isEqualTo(200);
    Instant end = start.plusSeconds(6);
    Instant accepted =
        firstInstant(() -> put(three, WRITE, org, admin).status() / 100 == 2, end, ON_TIME);
    System.out.printf(
        "window after a restart ended %d ms after its time%n",
        Duration.between(end, accepted).toMillis());
    assertOnceStartedAndEnded(database, id, ON_TIME);
  }

  static void refusesInvalidPlans(Http http, String admin) {
    Instant soon = Instant.now().plusSeconds(3600);
    assertThat(plan(http, admin, Instant.now().minusSeconds(60), soon, "maintenance").status())
        .isEqualTo(422);
    assertThat(plan(http, admin, soon, soon.minusSeconds(1), "maintenance").status())
        .isEqualTo(422);
    assertThat(plan(http, admin, soon, soon.plusSeconds(60), "normal").errorCode())
        .isEqualTo("validation_failed");
    assertThat(
            http.postJson(
                    WINDOWS,
                    body(soon, soon.plusSeconds(60), "maintenance", "\"notice\":\"a week\""),
                    admin)
                .status())
        .isEqualTo(422);
    assertThat(http.get(WINDOWS + "?state=later", admin).status()).isEqualTo(422);
    assertThat(http.get(WINDOWS + "/999999", admin).status()).isEqualTo(404);
    assertThat(http.get(WINDOWS, admin).body()).isEqualTo("[]");
  }

  /** A window a few seconds ahead: announced at once, on both replicas; on time, once. */
  static void windowRunsOnTime(Http one, Http two, String admin, String database) throws Exception {
    Instant start = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
    Instant end = start.plusSeconds(5);
    HttpResult planned = plan(one, admin, start, end, "maintenance");
    assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
    assertThat(planned.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains(WINDOWS + "/"));
    long id = planned.json().getJsonNumber("id").longValue();
    String notice = "start=" + start + "; end=" + end + "; mode=maintenance";
    assertThat(one.get(ORGS, admin).header("Lectern-Maintenance")).contains(notice);
    Eventually.within(
        Duration.ofSeconds(2),
        () -> two.get(ORGS, admin).header("Lectern-Maintenance").orElse("").equals(notice),
        () -> "the other replica does not announce the window within 2 s");
    assertThat(
            two.get("/api/v1/health").json().getJsonObject("maintenanceWindow").getString("mode"))
        .isEqualTo("maintenance");
    HttpResult overlapping =
        plan(two, admin, start.plusSeconds(2), end.plusSeconds(60), "read-only");
    assertThat(overlapping.status()).isEqualTo(409);
    assertThat(overlapping.errorCode()).isEqualTo("window_overlaps");

    Instant closed = firstInstant(() -> two.get(ORGS, admin).status() == 503, start, ON_TIME);
    System.out.printf(
        "window started %d ms after its time%n", Duration.between(start, closed).toMillis());
    HttpResult refused = one.get(ORGS, admin);
    assertThat(refused.status()).isEqualTo(503);
    long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 6L);
    assertThat(one.get("/api/v1/admin/mode", admin).body())
        .contains("\"changedBy\":\"maintenance-window " + id + "\"");
    Instant opened = firstInstant(() -> two.get(ORGS, admin).status() == 200, end, ON_TIME);
    System.out.printf(
        "window ended %d ms after its time%n", Duration.between(end, opened).toMillis());
    assertOnceStartedAndEnded(database, id, ON_TIME);
    assertThat(one.get(WINDOWS + "?state=past", admin).body()).contains("\"id\":" + id);
  }

  static void extendsAndCancels(Http one, Http two, String admin) {
    Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
    HttpResult planned = plan(one, admin, start, start.plusSeconds(3600), "maintenance");
    String id = planned.json().getJsonNumber("id").toString();
    HttpResult earlier =
        one.postJson(
            WINDOWS + "/" + id + "/extend", "{\"end\":\"" + start.plusSeconds(60) + "\"}", admin);
    assertThat(earlier.status()).isEqualTo(422);
    HttpResult extended =
        one.postJson(
            WINDOWS + "/" + id + "/extend", "{\"end\":\"" + start.plusSeconds(7200) + "\"}", admin);
    assertThat(extended.status()).as(extended.toString()).isEqualTo(200);
    assertThat(extended.json().getString("end")).isEqualTo(start.plusSeconds(7200).toString());
    assertThat(two.get(WINDOWS + "?state=upcoming", admin).body()).contains("\"id\":" + id);
    HttpResult cancelled = two.postJson(WINDOWS + "/" + id + "/cancel", "", admin);
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    assertThat(cancelled.json().getString("state")).isEqualTo("cancelled");
    assertThat(one.postJson(WINDOWS + "/" + id + "/cancel", "", admin).errorCode())
        .isEqualTo("window_closed");
    assertThat(
            one.postJson(
                    WINDOWS + "/" + id + "/extend",
                    "{\"end\":\"" + start.plusSeconds(9000) + "\"}",
                    admin)
                .status())
        .isEqualTo(409);

    // A running window cancelled ends now, on every replica.
    Instant soon = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
    String running =
        plan(one, admin, soon, soon.plusSeconds(600), "maintenance")
            .json()
            .getJsonNumber("id")
            .toString();
    Eventually.within(
        Duration.ofSeconds(10),
        () -> two.get(ORGS, admin).status() == 503,
        () -> "window " + running + " did not start");
    assertThat(one.postJson(WINDOWS + "/" + running + "/cancel", "", admin).status())
        .isEqualTo(200);
    Eventually.within(
        Duration.ofSeconds(2),
        () -> two.get(ORGS, admin).status() == 200,
        () -> "a cancelled window still holds the mode");
    assertThat(one.get(WINDOWS + "/" + running, admin).json().getString("endedAt")).isNotBlank();
    assertThat(one.get("/api/v1/admin/audit-logs?action=maintenance.window.cancel", admin).body())
        .contains("\"actor\":\"admin\"");
  }

  /**
   * The window ended (its end timer has fired, not only its mode's end passed), started and ended
   * within {@code late} of its times, each recorded once in the audit log.
   */
  private static void assertOnceStartedAndEnded(String database, long id, Duration late)
      throws Exception {
    try (Connection db = Sql.connect(database)) {
      String window = "FROM maintenance_window WHERE id = " + id;
      Eventually.within(
          late.plusSeconds(1),
          () -> query(() -> Sql.text(db, "SELECT state " + window)).equals("ended"),
          () -> "window " + id + " not ended");
      long startLate =
          Sql.count(
              db, "SELECT (extract(epoch FROM started_at - starts_at) * 1000)::bigint " + window);
      long endLate =
          Sql.count(db, "SELECT (extract(epoch FROM ended_at - ends_at) * 1000)::bigint " + window);
      System.out.printf("window %d: timers fired %d ms and %d ms late%n", id, startLate, endLate);
      assertThat(startLate).isBetween(-1000L, late.toMillis());
      assertThat(endLate).isBetween(-1000L, late.toMillis());
      for (String action : new String[] {"start", "end"}) {
        assertThat(
                Sql.count(
                    db,
                    "SELECT count(*) FROM audit_log WHERE action = 'maintenance.window."
                        + action
                        + "' AND target LIKE '"
                        + id
                        + " %'"))
            .as(action + " recorded once")
            .isEqualTo(1);
      }
    }
  }

  private static <T> T query(java.util.concurrent.Callable<T> query) {
    try {
      return query.call();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /**
   * When {@code condition} first holds, checked every 100 ms from before {@code from} to {@code
   * from + bound}.
   */
  private static Instant firstInstant(Supplier<Boolean> condition, Instant from, Duration bound) {
    Instant deadline = from.plus(bound);
    while (Instant.now().isBefore(deadline)) {
      if (condition.get()) {
        Instant seen = Instant.now();
        assertThat(seen).as("not before its time").isAfterOrEqualTo(from);
        return seen;
      }
      sleep(100);
    }
    throw new AssertionError("not within " + bound + " of " + from);
  }

  static HttpResult plan(Http http, String admin, Instant start, Instant end, String mode) {
    return http.postJson(WINDOWS, body(start, end, mode, "\"notice\":\"PT1H\""), admin);
  }

  private static String body(Instant start, Instant end, String mode, String extra) {
    return "{\"start\":\""
        + start
        + "\",\"end\":\""
        + end
        + "\",\"mode\":\""
        + mode
        + "\",\"reason\":\"window IT\","
        + extra
        + "}";
  }

  private static HttpResult put(Http http, String path, String json, String token) {
    return http.send(
        http.request(path)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
