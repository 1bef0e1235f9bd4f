package dev.lectern.roster.api;

import static dev.lectern.roster.api.OneRosterIT.BASE;
import static dev.lectern.roster.api.OneRosterIT.assertImsx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.RosterFixture;
import dev.lectern.testing.Sql;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiKeyAccessIT {

  private static final String CORE =
      "https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly";
  private static final String ROSTER =
      "https://purl.imsglobal.org/spec/or/v1p2/scope/roster.readonly";
  private static final String DEMOGRAPHICS =
      "https://purl.imsglobal.org/spec/or/v1p2/scope/roster-demographics.readonly";
  private static final Http HTTP = Http.lectern();
  private static RosterFixture fixture;
  private static String adminToken;

  @BeforeAll
  static void loadDistrict() {
    fixture = RosterFixture.load();
    adminToken = HTTP.adminToken();
  }

  @Test
  void shouldKeepAKeyBoundToOneSchoolInsideThatSchool() throws Exception {
    JsonObject key = createKey("school-1 LMS", new String[] {CORE, ROSTER}, fixture.id("school-1"));
    String token = clientToken(key, null);
    Map<String, String> boundary =
        Map.of(
            "users",
            "select sourced_id from roster_user where jsonb_path_exists(roles,"
                + " '$[*] ? (@.org == $o)', jsonb_build_object('o', ?::text))",
            "classes",
            "select sourced_id from roster_class where school_sourced_id = ?",
            "enrollments",
            "select e.sourced_id from roster_enrollment e join roster_class c"
                + " on c.sourced_id = e.class_sourced_id where c.school_sourced_id = ?",
            "orgs",
            "select sourced_id from roster_org where sourced_id = ?",
            "courses",
            "select sourced_id from roster_course where org_sourced_id = ?1 union select"
                + " course_sourced_id from roster_class where school_sourced_id = ?1");
    for (var entry : boundary.entrySet()) {
      Set<String> allowed = allowed(entry.getValue(), fixture.id("school-1"));
      Set<String> seen =
          ids(HTTP.get(BASE + entry.getKey() + "?limit=5000", token), entry.getKey());
      assertThat(seen).as(entry.getKey()).isNotEmpty().isSubsetOf(allowed);
    }
    // Every route, including the nested ones and those naming the other school, stays inside.
    Map<String, Set<String>> allowedByEnvelope =
        Map.of(
            "users", allowed(boundary.get("users"), fixture.id("school-1")),
            "classes", allowed(boundary.get("classes"), fixture.id("school-1")),
            "enrollments", allowed(boundary.get("enrollments"), fixture.id("school-1")),
            "orgs", allowed(boundary.get("orgs"), fixture.id("school-1")),
            "courses", allowed(boundary.get("courses"), fixture.id("school-1")));
    // Key bound to school-1: a nested route under a parent outside it answers 404 like an unknown
    // parent; under a parent inside it, only rows inside it.
    String one = fixture.id("school-1");
    String two = fixture.id("school-2");
    Map<String, Boolean> visible = new LinkedHashMap<>();
    visible.put("students", true);
    visible.put("teachers", true);
    visible.put("schools", true);
    visible.put("classes/" + fixture.id("class-2") + "/students", false);
    visible.put("classes/" + fixture.id("class-1") + "/teachers", true);
    visible.put("courses/" + fixture.id("course-2") + "/classes", false);
    visible.put("courses/" + fixture.id("course-1") + "/classes", true);
    for (String school : new String[] {one, two}) {
      boolean mine = school.equals(one);
      for (String nested :
          new String[] {"classes", "courses", "enrollments", "students", "teachers"}) {
        visible.put("schools/" + school + "/" + nested, mine);
      }
      visible.put("schools/" + school + "/classes/" + fixture.id("class-1") + "/students", mine);
      visible.put(
          "schools/" + school + "/classes/" + fixture.id("class-2") + "/enrollments", false);
    }
    visible.put("terms/" + fixture.id("term-1") + "/classes", true);
    visible.put("users/" + fixture.id("student-2") + "/classes", false);
    visible.put("students/" + fixture.id("student-2") + "/classes", false);
    visible.put("students/" + fixture.id("student-1") + "/classes", true);
    visible.put("teachers/" + fixture.id("teacher-1") + "/classes", true);
    for (var route : visible.entrySet()) {
      HttpResult result = HTTP.get(BASE + route.getKey() + "?limit=5000", token);
      assertThat(result.status())
          .as(route.getKey() + " " + result)
          .isEqualTo(route.getValue() ? 200 : 404);
      if (route.getValue()) {
        String envelope = result.json().keySet().iterator().next();
        assertThat(ids(result, envelope))
            .as(route.getKey())
            .isSubsetOf(allowedByEnvelope.get(envelope));
      } else {
        assertImsx(result, 404, "unknownobject");
      }
    }
    HttpResult hostile =
        HTTP.get(
            BASE + "users?filter=" + OneRosterIT.encode("sourcedId~'' OR sourcedId!=''"), token);
    assertThat(ids(hostile, "users"))
        .isSubsetOf(allowed(boundary.get("users"), fixture.id("school-1")));
    assertImsx(HTTP.get(BASE + "demographics", token), 403, "forbidden");
  }

  @Test
  void shouldIssueTokensByBasicOrPostAndRefuseBadClients() {
    JsonObject key = createKey("post client", new String[] {DEMOGRAPHICS}, null);
    HttpResult post =
        form(
            "grant_type=client_credentials&client_id="
                + key.getString("clientId")
                + "&client_secret="
                + key.getString("clientSecret"),
            null);
    assertThat(post.status()).isEqualTo(200);
    assertThat(post.json().getString("token_type")).isEqualTo("bearer");
    assertThat(post.json().getString("scope")).isEqualTo(DEMOGRAPHICS);
    String token = post.json().getString("access_token");
    assertThat(HTTP.get(BASE + "demographics", token).status()).isEqualTo(200);
    assertImsx(HTTP.get(BASE + "users", token), 403, "forbidden");

    assertThat(
            form("grant_type=client_credentials", basic(key.getString("clientId"), "wrong"))
                .status())
        .isEqualTo(401);
    assertThat(
            form(
                    "grant_type=password",
                    basic(key.getString("clientId"), key.getString("clientSecret")))
                .json()
                .getString("error"))
        .isEqualTo("unsupported_grant_type");
    assertThat(
            form(
                    "grant_type=client_credentials&scope=" + CORE,
                    basic(key.getString("clientId"), key.getString("clientSecret")))
                .json()
                .getString("error"))
        .isEqualTo("invalid_scope");
  }

  @Test
  void shouldStopARevokedKeyOnEveryServerWithinOneSecond() throws Exception {
    JsonObject key = createKey("revoked soon", new String[] {CORE}, null);
    String token = clientToken(key, null);
    try (LecternServer second = new LecternServer("apikeys").start().awaitReady()) {
      Http other = second.http();
      assertThat(other.get(BASE + "orgs", token).status()).isEqualTo(200);
      HttpResult revoked =
          HTTP.send(
              HTTP.request("/api/v1/admin/api-keys/" + key.getJsonObject("key").getString("id"))
                  .header("Authorization", "Bearer " + adminToken)
                  .DELETE());
      assertThat(revoked.status()).isEqualTo(200);
      Duration took =
          Eventually.within(
              Duration.ofSeconds(1),
              () -> other.get(BASE + "orgs", token).status() == 401,
              () -> other.get(BASE + "orgs", token).toString());
      System.out.println("Revocation seen by the second server after " + took.toMillis() + " ms");
      assertImsx(HTTP.get(BASE + "orgs", token), 401, "unauthorisedrequest");
    }
  }

  @Test
  void shouldRecordEveryUseOfAKeyWithItsRequestId() throws Exception {
    JsonObject key = createKey("audited", new String[] {CORE}, null);
    String token = clientToken(key, null);
    String requestId = "audit-" + key.getString("clientId");
    HTTP.send(
        HTTP.request(BASE + "orgs")
            .header("Authorization", "Bearer " + token)
            .header("X-Request-ID", requestId)
            .GET());
    String keyId = key.getJsonObject("key").getString("id");
    Eventually.within(
        Duration.ofSeconds(5),
        () -> usageRows(keyId, requestId) == 1,
        () -> "no usage row for " + requestId);
    Eventually.within(
        Duration.ofSeconds(5),
        () ->
            HTTP.get("/api/v1/admin/api-keys/" + keyId, adminToken)
                .json()
                .containsKey("lastUsedAt"),
        () -> "lastUsedAt not set");
  }

  @Test
  void shouldChangeAKeysNameScopesAndExpiryAndRefuseBadChanges() throws Exception {
    JsonObject key = createKey("changing", new String[] {CORE, DEMOGRAPHICS}, null);
    String id = key.getJsonObject("key").getString("id");
    String token = clientToken(key, null);
    assertThat(HTTP.get(BASE + "demographics?limit=1", token).status()).isEqualTo(200);

    Instant inAMonth = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    JsonObject changed =
        patch(
            id,
            "{\"name\":\"renamed\",\"scopes\":[\""
                + CORE
                + "\"],\"expiresAt\":\""
                + inAMonth
                + "\"}");
    assertThat(changed.getString("name")).isEqualTo("renamed");
    assertThat(changed.getJsonArray("scopes").getString(0)).isEqualTo(CORE);
    assertThat(Instant.parse(changed.getString("expiresAt"))).isEqualTo(inAMonth);
    assertThat(changed.getBoolean("expiresSoon")).isFalse();
    Eventually.within(
        Duration.ofSeconds(2),
        () -> HTTP.get(BASE + "demographics?limit=1", token).status() == 403,
        () -> "narrowed scopes not applied: " + HTTP.get(BASE + "demographics?limit=1", token));
    assertThat(HTTP.get(BASE + "orgs?limit=1", token).status()).isEqualTo(200);

    Instant inAWeek = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    assertThat(patch(id, "{\"expiresAt\":\"" + inAWeek + "\"}").getBoolean("expiresSoon")).isTrue();

    String past = Instant.now().minus(1, ChronoUnit.DAYS).toString();
    assertThat(patchResult(id, "{\"expiresAt\":\"" + past + "\"}").errorCode())
        .isEqualTo("validation_failed");
    assertThat(patchResult(id, "{\"name\":\"  \"}").status()).isEqualTo(422);
    assertThat(patchResult(id, "{\"scopes\":[\"https://example.org/admin\"]}").status())
        .isEqualTo(422);
    assertThat(patchResult(id, "{\"scopes\":[]}").status()).isBetween(400, 422);
    assertThat(patchResult(UUID.randomUUID().toString(), "{\"name\":\"x\"}").status())
        .isEqualTo(404);
    JsonObject unchanged = HTTP.get("/api/v1/admin/api-keys/" + id, adminToken).json();
    assertThat(unchanged.getString("name")).isEqualTo("renamed");
    assertThat(Instant.parse(unchanged.getString("expiresAt"))).isEqualTo(inAWeek);
    assertThat(unchanged.containsKey("secretRotatedAt")).isFalse();

    HttpResult rotated =
        HTTP.send(
            HTTP.request("/api/v1/admin/api-keys/" + id + "/rotate")
                .header("Authorization", "Bearer " + adminToken)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(rotated.json().getJsonObject("key").getString("secretRotatedAt")).isNotBlank();

    HTTP.send(
        HTTP.request("/api/v1/admin/api-keys/" + id)
            .header("Authorization", "Bearer " + adminToken)
            .DELETE());
    assertThat(patchResult(id, "{\"name\":\"again\"}").errorCode()).isEqualTo("api_key_inactive");
    assertThat(
            HTTP
                .get("/api/v1/admin/audit-logs?action=apikey.update", adminToken)
                .json()
                .getJsonArray("auditLogs")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(row -> row.getString("target", "").startsWith(key.getString("clientId")))
                .count())
        .as("one row per accepted change")
        .isEqualTo(2);
    assertThat(HTTP.get("/metrics?scope=application").body()).contains("lectern_api_keys_expiring");
  }

  private static JsonObject patch(String id, String json) {
    HttpResult result = patchResult(id, json);
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
    return result.json();
  }

  private static HttpResult patchResult(String id, String json) {
    return HTTP.send(
        HTTP.request("/api/v1/admin/api-keys/" + id)
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  private static long usageRows(String keyId, String requestId) {
    try (Connection db = Sql.lecternDatabase();
        PreparedStatement query =
            db.prepareStatement(
                "select count(*) from api_key_usage where api_key_id = ?::uuid and request_id = ?"
                    + " and status = 200 and operation like 'GET %orgs'")) {
      query.setString(1, keyId);
      query.setString(2, requestId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (Exception e) {
      return -1;
    }
  }

  private static JsonObject createKey(String name, String[] scopes, String org) {
    JsonArrayBuilder scopeArray = Json.createArrayBuilder();
    for (String scope : scopes) {
      scopeArray.add(scope);
    }
    JsonArrayBuilder orgs = Json.createArrayBuilder();
    if (org != null) {
      orgs.add(org);
    }
    HttpResult created =
        HTTP.postJson(
            "/api/v1/admin/api-keys",
            Json.createObjectBuilder()
                .add("name", name)
                .add("scopes", scopeArray)
                .add("orgs", orgs)
                .build()
                .toString(),
            adminToken);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  private static String clientToken(JsonObject key, String scope) {
    HttpResult token =
        form(
            "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + scope),
            basic(key.getString("clientId"), key.getString("clientSecret")));
    assertThat(token.status()).as(token.toString()).isEqualTo(200);
    return token.json().getString("access_token");
  }

  private static HttpResult form(String body, String authorization) {
    HttpRequest.Builder request =
        HTTP.request("/oauth/token")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static Set<String> ids(HttpResult result, String envelope) {
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
    Set<String> ids = new HashSet<>();
    result
        .json()
        .getJsonArray(envelope)
        .getValuesAs(JsonObject.class)
        .forEach(o -> ids.add(o.getString("sourcedId")));
    return ids;
  }

  private static Set<String> allowed(String sql, String school) throws Exception {
    Set<String> ids = new HashSet<>();
    try (Connection db = Sql.lecternDatabase();
        PreparedStatement query = db.prepareStatement(sql.replace("?1", "?"))) {
      for (int i = 1; i <= query.getParameterMetaData().getParameterCount(); i++) {
        query.setString(i, school);
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }
}
