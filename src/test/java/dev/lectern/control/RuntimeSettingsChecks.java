package dev.lectern.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.RosterFixture;
import dev.lectern.testing.Sql;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * What {@link ControlPlaneIT} checks of runtime settings changed on one replica and followed by
 * another within 2 s, both with Redis stopped. Flags: the ones the code reads gate their behaviour
 * (password reset, demographics for the clients of one district), a percentage rollout answers
 * alike on both, the history is append-only, and a flag stored broken serves its default, counted.
 * Rate limits: a tier changed at runtime applies without a restart and reverts when the override is
 * deleted.
 */
final class RuntimeSettingsChecks {

  private static final String FLAGS = "/api/v1/admin/flags/";
  private static final String RESET = "/api/v1/auth/password-reset";
  private static final String DEMOGRAPHICS = "/ims/oneroster/rostering/v1p2/demographics?limit=1";
  private static final String DEMOGRAPHICS_SCOPE =
      "https://purl.imsglobal.org/spec/or/v1p2/scope/roster-demographics.readonly";
  private static final String LIMITS = "/api/v1/admin/rate-limits";
  private static final Duration FOLLOWED = Duration.ofSeconds(2);

  private RuntimeSettingsChecks() {}

  /** Runs every check on two replicas of a cluster whose database is the test's own. */
  static void check(Http one, Http two, String admin, String database) throws Exception {
    passwordResetFollowsItsFlag(one, two, admin);
    demographicsFollowTheirFlagForOneDistrict(one, two, admin, database);
    historyIsAppendOnly(one, admin, database);
    aBrokenFlagServesItsDefault(one, admin, database);
    aTierChangedAtRuntimeAppliesAndReverts(one, two, admin);
  }

  private static void passwordResetFollowsItsFlag(Http one, Http two, String admin) {
    assertThat(one.get(FLAGS + "password-reset", admin).json().getString("source"))
        .isEqualTo("configuration");
    assertThat(two.postJson(RESET, "{\"username\":\"flag-it-before\"}").status()).isEqualTo(202);
    HttpResult off =
        put(one, FLAGS + "password-reset", onOff("off", "[]", "mail relay down"), admin);
    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    Duration seen =
        Eventually.within(
            FOLLOWED,
            () ->
                "feature_disabled"
                    .equals(two.postJson(RESET, "{\"username\":\"flag-it-off\"}").errorCode()),
            () -> "the other replica still resets passwords");
    System.out.printf(
        "password-reset off seen by the other replica after %d ms%n", seen.toMillis());
    assertThat(one.postJson(RESET + "/confirm", "{\"token\":\"x\",\"newPassword\":\"y\"}").status())
        .isEqualTo(403);
    assertThat(
            put(
                    one,
                    FLAGS + "password-reset",
                    "{\"type\":\"string\",\"variants\":{\"on\":\"a\"},\"defaultVariant\":\"on\"}",
                    admin)
                .status())
        .as("a known flag stays a boolean")
        .isEqualTo(422);
  }

  private static void demographicsFollowTheirFlagForOneDistrict(
      Http one, Http two, String admin, String database) {
    RosterFixture fixture = RosterFixture.load(database);
    HttpResult key =
        one.postJson(
            "/api/v1/admin/api-keys",
            Json.createObjectBuilder()
                .add("name", "FlagIT LMS")
                .add("scopes", Json.createArrayBuilder().add(DEMOGRAPHICS_SCOPE))
                .add("orgs", Json.createArrayBuilder().add(fixture.id("school-1")))
                .build()
                .toString(),
            admin);
    assertThat(key.status()).as(key.toString()).isEqualTo(201);
    String client = clientToken(two, key.json());
    assertThat(two.get(DEMOGRAPHICS, client).status()).isEqualTo(200);

    String rule =
        "[{\"name\":\"not for this district\",\"orgs\":[\""
            + fixture.id("district")
            + "\"],\"variant\":\"off\"}]";
    assertThat(
            put(one, FLAGS + "demographics-for-clients", onOff("on", rule, "consent review"), admin)
                .status())
        .isEqualTo(200);
    Eventually.within(
        FOLLOWED,
        () -> two.get(DEMOGRAPHICS, client).status() == 403,
        () -> "demographics still served to a client of the district");
    assertThat(two.get(DEMOGRAPHICS, admin).status()).as("admins still read").isEqualTo(200);

    JsonObject ofSchool =
        evaluate(
            one, "demographics-for-clients", "{\"org\":\"" + fixture.id("school-1") + "\"}", admin);
    assertThat(ofSchool.getString("variant")).isEqualTo("off");
    assertThat(ofSchool.getString("reason")).isEqualTo("TARGETING_MATCH");
    JsonObject elsewhere =
        evaluate(one, "demographics-for-clients", "{\"org\":\"another-district\"}", admin);
    assertThat(elsewhere.getString("variant")).isEqualTo("on");
    assertThat(elsewhere.getString("reason")).isEqualTo("DEFAULT");
  }

  /**
   * A 30 % rollout over 10,000 synthetic subjects: within 2 points of 30 % on one replica, and the
   * same variant on the other for every fifth subject. After the timed part of the test, since it
   * takes 12,000 requests.
   */
  static void rolloutAnswersAlikeOnBothReplicas(Http one, Http two, String admin) {
    String rollout =
        "{\"key\":\"it-rollout\",\"type\":\"string\",\"description\":\"FlagIT\","
            + "\"variants\":{\"new\":\"v2\",\"old\":\"v1\"},\"defaultVariant\":\"old\","
            + "\"rules\":[{\"name\":\"30 percent\",\"percentage\":30,\"variant\":\"new\"}]}";
    HttpResult created = one.postJson("/api/v1/admin/flags", rollout, admin);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(one.postJson("/api/v1/admin/flags", rollout, admin).errorCode())
        .isEqualTo("flag_exists");
    Eventually.within(
        FOLLOWED,
        () -> two.get(FLAGS + "it-rollout", admin).status() == 200,
        () -> "the rollout flag has not reached the other replica");
    int subjects = 10_000;
    long started = System.nanoTime();
    List<String> here = variants(one, admin, subjects, 1);
    List<String> there = variants(two, admin, subjects, 5);
    for (int i = 0; i < there.size(); i++) {
      assertThat(there.get(i)).as("subject-" + i * 5).isEqualTo(here.get(i * 5));
    }
    long onNew = here.stream().filter("new"::equals).count();
    System.out.printf(
        "rollout of 30%%: %d of %d subjects, every 5th alike on the other replica (%d ms)%n",
        onNew, subjects, (System.nanoTime() - started) / 1_000_000);
    assertThat(onNew * 100.0 / subjects).isBetween(28.0, 32.0);
  }

  /** The variant of it-rollout for every {@code step}th of subject-0 .. subject-(n-1). */
  private static List<String> variants(Http http, String admin, int subjects, int step) {
    ForkJoinPool pool = new ForkJoinPool(4);
    try {
      return pool.submit(
              () ->
                  IntStream.range(0, subjects)
                      .filter(i -> i % step == 0)
                      .parallel()
                      .mapToObj(
                          i ->
                              evaluate(
                                      http,
                                      "it-rollout",
                                      "{\"subject\":\"subject-" + i + "\"}",
                                      admin)
                                  .getString("variant"))
                      .toList())
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  private static void historyIsAppendOnly(Http one, String admin, String database)
      throws Exception {
    JsonArray history =
        Json.createReader(
                new java.io.StringReader(one.get(FLAGS + "password-reset/history", admin).body()))
            .readArray();
    JsonObject latest = history.getJsonObject(0);
    assertThat(latest.getString("actor")).isEqualTo("admin");
    assertThat(latest.getString("reason")).isEqualTo("mail relay down");
    assertThat(latest.getString("requestId")).isNotBlank();
    assertThat(latest.getJsonObject("after").getString("defaultVariant")).isEqualTo("off");
    try (Connection db = Sql.connect(database)) {
      for (String change :
          new String[] {
            "UPDATE setting_history SET reason = 'rewritten'",
            "DELETE FROM setting_history",
            "TRUNCATE setting_history"
          }) {
        assertThatThrownBy(() -> Sql.execute(db, change)).hasMessageContaining("append-only");
      }
    }
    assertThat(one.get("/api/v1/admin/audit-logs?action=flag.update", admin).body())
        .contains("password-reset");
  }

  private static void aBrokenFlagServesItsDefault(Http one, String admin, String database)
      throws Exception {
    HttpResult created =
        one.postJson(
            "/api/v1/admin/flags",
            "{\"key\":\"it-broken\",\"type\":\"string\",\"variants\":{\"a\":\"1\"},"
                + "\"defaultVariant\":\"a\"}",
            admin);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    try (Connection db = Sql.connect(database)) {
      Sql.execute(
          db,
          "UPDATE feature_flag SET rules = '[{\"variant\":\"gone\"}]' WHERE key = 'it-broken'",
          "UPDATE change_feed SET version = version + 1 WHERE topic = 'flags'",
          "NOTIFY lectern_change");
    }
    Eventually.within(
        FOLLOWED,
        () ->
            "ERROR"
                .equals(
                    evaluate(one, "it-broken", "{\"subject\":\"x\"}", admin).getString("reason")),
        () -> "a broken flag is still evaluated");
    assertThat(one.get("/metrics?scope=application", admin).body())
        .contains("lectern_flag_evaluation_errors_total{flag=\"it-broken\"");
  }

  private static void aTierChangedAtRuntimeAppliesAndReverts(Http one, Http two, String admin)
      throws Exception {
    String operator = "rl-op-" + System.nanoTime();
    one.createAccount(admin, operator, "operator", "Operator-password-1234");
    String probe = two.login(operator, "Operator-password-1234");
    assertThat(two.get(LIMITS, probe).status()).isEqualTo(200);
    assertThat(put(one, LIMITS + "/admin", "{\"limit\":\"lots\"}", admin).status()).isEqualTo(422);
    assertThat(put(one, LIMITS + "/nowhere", "{\"limit\":\"off\"}", admin).status()).isEqualTo(404);
    HttpResult set =
        put(one, LIMITS + "/admin", "{\"limit\":\"3/1m\",\"reason\":\"incident drill\"}", admin);
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.json().getString("limit")).isEqualTo("3/60s");
    Duration limited =
        Eventually.within(
            FOLLOWED.plusSeconds(1),
            () -> two.get(LIMITS, probe).status() == 429,
            () -> "the runtime limit is not in force on the other replica");
    System.out.printf(
        "admin tier at 3/1m enforced by the other replica after %d ms%n", limited.toMillis());
    assertThat(two.get(LIMITS, probe).header("RateLimit-Policy"))
        .hasValueSatisfying(h -> assertThat(h).contains("q=3;w=60"));

    // The local network exempted from the admin tier: not counted, on both replicas.
    HttpResult exempted =
        one.postJson(
            LIMITS + "/exemptions",
            "{\"kind\":\"cidr\",\"value\":\"127.0.0.0/8\",\"tiers\":[\"admin\"],"
                + "\"reason\":\"monitoring network\"}",
            admin);
    assertThat(exempted.status()).as(exempted.toString()).isEqualTo(201);
    assertThat(
            one.postJson(
                    LIMITS + "/exemptions", "{\"kind\":\"cidr\",\"value\":\"10.0.0.0/33\"}", admin)
                .status())
        .isEqualTo(422);
    Eventually.within(
        FOLLOWED,
        () -> two.get(LIMITS, probe).status() == 200,
        () -> "the exempt network is still limited on the other replica");
    assertThat(two.get(LIMITS, probe).header("RateLimit-Policy")).isEmpty();
    long exemption = exempted.json().getJsonNumber("id").longValue();
    HttpResult unexempted =
        one.send(
            one.request(LIMITS + "/exemptions/" + exemption + "?reason=done")
                .header("Authorization", "Bearer " + admin)
                .DELETE());
    assertThat(unexempted.status()).as(unexempted.toString()).isEqualTo(204);
    Eventually.within(
        FOLLOWED,
        () -> two.get(LIMITS, probe).status() == 429,
        () -> "the network is still exempt on the other replica");

    HttpResult reset =
        one.send(
            one.request(LIMITS + "/admin?reason=drill%20over")
                .header("Authorization", "Bearer " + admin)
                .DELETE());
    assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
    Eventually.within(
        FOLLOWED,
        () -> two.get(LIMITS, probe).status() == 200,
        () -> "the configured limit is not back on the other replica");
    JsonObject latest =
        Json.createReader(
                new java.io.StringReader(one.get(LIMITS + "/admin/history", admin).body()))
            .readArray()
            .getJsonObject(0);
    assertThat(latest.getString("before")).isEqualTo("3/1m");
    assertThat(latest.isNull("after")).isTrue();
    assertThat(latest.getString("reason")).isEqualTo("drill over");
    assertThat(one.get("/api/v1/admin/audit-logs?action=ratelimit.change", admin).body())
        .contains("admin 3/1m");
  }

  private static String onOff(String defaultVariant, String rules, String reason) {
    return "{\"type\":\"boolean\",\"variants\":{\"on\":true,\"off\":false},\"defaultVariant\":\""
        + defaultVariant
        + "\",\"rules\":"
        + rules
        + ",\"reason\":\""
        + reason
        + "\"}";
  }

  private static JsonObject evaluate(Http http, String key, String context, String admin) {
    HttpResult result = http.postJson(FLAGS + key + "/evaluate", context, admin);
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
    return result.json();
  }

  private static HttpResult put(Http http, String path, String json, String token) {
    return http.send(
        http.request(path)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static String clientToken(Http http, JsonObject key) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (key.getString("clientId") + ":" + key.getString("clientSecret"))
                    .getBytes(StandardCharsets.UTF_8));
    HttpResult token =
        http.send(
            http.request("/oauth/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope=" + DEMOGRAPHICS_SCOPE)));
    assertThat(token.status()).as(token.toString()).isEqualTo(200);
    return token.json().getString("access_token");
  }
}
