package dev.lectern.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.LecternServer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;

/**
 * What {@link ControlPlaneIT} checks of runtime log levels: a level raised on one replica is in
 * force on both within 5 s and back to what it was on both when its time is up; one raised before
 * every replica restarts is in force again after, and reverts on time; a FINE line of a raised
 * logger reaches the server's log; the audit trail names each change and each revert.
 */
final class LogLevelChecks {

  private static final String LOGGING = "/api/v1/admin/logging";
  private static final String SHORT = "dev.lectern.control.feed";
  static final String ACROSS_RESTART = "dev.lectern.control.logging";

  private LogLevelChecks() {}

  static void raisedForAWhileOnBothReplicas(Http one, Http two, String admin) {
    String before = level(one, SHORT, admin);
    assertThat(level(two, SHORT, admin)).isEqualTo(before).isNotEqualTo("FINE");

    HttpResult raised = put(one, SHORT, "FINE", "PT4S", admin);
    assertThat(raised.status()).as(raised.body()).isEqualTo(200);
    Duration followed =
        Eventually.within(
            Duration.ofSeconds(5),
            () ->
                "FINE".equals(level(one, SHORT, admin)) && "FINE".equals(level(two, SHORT, admin)),
            () -> level(one, SHORT, admin) + " / " + level(two, SHORT, admin));
    System.out.printf("log level in force on both replicas after %d ms%n", followed.toMillis());

    Eventually.within(
        Duration.ofSeconds(12),
        () -> before.equals(level(one, SHORT, admin)) && before.equals(level(two, SHORT, admin)),
        () -> level(one, SHORT, admin) + " / " + level(two, SHORT, admin));
    Eventually.within(
        Duration.ofSeconds(10),
        () -> audited(one, admin, "logging.revert", SHORT),
        () -> one.get("/api/v1/admin/audit-logs?action=logging.revert", admin).body());
    assertThat(audited(one, admin, "logging.set", SHORT + "=FINE until ")).isTrue();
  }

  static void refusesWhatItMustNot(Http one, String admin) {
    HttpResult bind = put(one, "org.hibernate.orm.jdbc.bind", "FINE", "PT1M", admin);
    assertThat(bind.status()).isEqualTo(400);
    assertThat(bind.errorCode()).isEqualTo("logger_not_allowed");
    assertThat(put(one, SHORT, "FINE", "PT25H", admin).status()).isEqualTo(422);
    assertThat(put(one, SHORT, "LOUD", "PT1M", admin).status()).isEqualTo(422);
    HttpResult noTime =
        one.send(
            one.request(LOGGING + "/" + SHORT)
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"level\":\"FINE\",\"reason\":\"x\"}")));
    assertThat(noTime.status()).isEqualTo(422);
    assertThat(one.get(LOGGING, admin).json().getJsonArray("overrides")).isEmpty();
  }

  /** Raises the logger for longer than the replicas take to restart; answers when it reverts. */
  static Instant raisedAcrossARestart(Http one, String admin) {
    HttpResult raised = put(one, ACROSS_RESTART, "FINE", "PT180S", admin);
    assertThat(raised.status()).as(raised.body()).isEqualTo(200);
    return Instant.parse(raised.json().getString("revertAt"));
  }

  /** After the restart: in force on both, and its FINE lines reach the log. */
  static void stillRaisedAfterTheRestart(
      LecternServer first, Http three, Http four, String admin, Instant revertAt) {
    assertThat(Instant.now()).as("checked before the revert time").isBefore(revertAt);
    assertThat(level(three, ACROSS_RESTART, admin)).isEqualTo("FINE");
    assertThat(level(four, ACROSS_RESTART, admin)).isEqualTo("FINE");
    // a change reloads the overrides, which LogLevels reports at FINE
    assertThat(put(three, SHORT, "INFO", "PT2S", admin).status()).isEqualTo(200);
    Eventually.within(
        Duration.ofSeconds(5),
        () -> first.messages().contains("Log level overrides in force"),
        () -> "no FINE line of " + ACROSS_RESTART + " in messages.log");
  }

  static void revertedOnTime(Http three, Http four, String admin, Instant revertAt, String old) {
    Duration wait = Duration.between(Instant.now(), revertAt).plusSeconds(8);
    Eventually.within(
        wait.isNegative() ? Duration.ofSeconds(8) : wait,
        () ->
            old.equals(level(three, ACROSS_RESTART, admin))
                && old.equals(level(four, ACROSS_RESTART, admin)),
        () -> level(three, ACROSS_RESTART, admin) + " / " + level(four, ACROSS_RESTART, admin));
    assertThat(Instant.now()).isAfterOrEqualTo(revertAt);
  }

  static String level(Http http, String logger, String admin) {
    return http.get(LOGGING + "?logger=" + logger, admin)
        .json()
        .getJsonObject("levels")
        .getString(logger, null);
  }

  private static boolean audited(Http http, String admin, String action, String target) {
    return http.get("/api/v1/admin/audit-logs?action=" + action, admin).body().contains(target);
  }

  private static HttpResult put(
      Http http, String logger, String level, String revertAfter, String admin) {
    String body =
        "{\"level\":\""
            + level
            + "\",\"revertAfter\":\""
            + revertAfter
            + "\",\"reason\":\"control-plane test\"}";
    return http.send(
        http.request(LOGGING + "/" + logger)
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }
}
