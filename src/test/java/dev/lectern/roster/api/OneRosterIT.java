package dev.lectern.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.RosterFixture;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OneRosterIT {

  static final String BASE = "/ims/oneroster/rostering/v1p2/";
  private static final Http HTTP = Http.lectern();
  private static RosterFixture fixture;
  private static String token;

  @BeforeAll
  static void loadDistrict() {
    fixture = RosterFixture.load();
    token = HTTP.adminToken();
  }

  /** Every OneRoster 1.2 rostering operation on the fixture, as path and envelope key. */
  static Map<String, String> operations() {
    return Map.ofEntries(
        Map.entry("academicSessions", "academicSessions"),
        Map.entry("academicSessions/" + id("term-1"), "academicSession"),
        Map.entry("classes", "classes"),
        Map.entry("classes/" + id("class-1"), "class"),
        Map.entry("classes/" + id("class-1") + "/students", "users"),
        Map.entry("classes/" + id("class-1") + "/teachers", "users"),
        Map.entry("courses", "courses"),
        Map.entry("courses/" + id("course-1"), "course"),
        Map.entry("courses/" + id("course-1") + "/classes", "classes"),
        Map.entry("demographics", "demographics"),
        Map.entry("demographics/" + id("student-1"), "demographics"),
        Map.entry("enrollments", "enrollments"),
        Map.entry("enrollments/" + id("enr-1"), "enrollment"),
        Map.entry("gradingPeriods", "academicSessions"),
        Map.entry("gradingPeriods/" + id("gp-1"), "academicSession"),
        Map.entry("orgs", "orgs"),
        Map.entry("orgs/" + id("district"), "org"),
        Map.entry("schools", "orgs"),
        Map.entry("schools/" + id("school-1"), "org"),
        Map.entry("schools/" + id("school-1") + "/classes", "classes"),
        Map.entry("schools/" + id("school-1") + "/courses", "courses"),
        Map.entry("schools/" + id("school-1") + "/enrollments", "enrollments"),
        Map.entry("schools/" + id("school-1") + "/students", "users"),
        Map.entry("schools/" + id("school-1") + "/teachers", "users"),
        Map.entry("schools/" + id("school-1") + "/terms", "academicSessions"),
        Map.entry(
            "schools/" + id("school-1") + "/classes/" + id("class-1") + "/enrollments",
            "enrollments"),
        Map.entry("schools/" + id("school-1") + "/classes/" + id("class-1") + "/students", "users"),
        Map.entry("schools/" + id("school-1") + "/classes/" + id("class-1") + "/teachers", "users"),
        Map.entry("students", "users"),
        Map.entry("students/" + id("student-1"), "user"),
        Map.entry("students/" + id("student-1") + "/classes", "classes"),
        Map.entry("teachers", "users"),
        Map.entry("teachers/" + id("teacher-1"), "user"),
        Map.entry("teachers/" + id("teacher-1") + "/classes", "classes"),
        Map.entry("terms", "academicSessions"),
        Map.entry("terms/" + id("term-1"), "academicSession"),
        Map.entry("terms/" + id("term-1") + "/classes", "classes"),
        Map.entry("terms/" + id("term-1") + "/gradingPeriods", "academicSessions"),
        Map.entry("users", "users"),
        Map.entry("users/" + id("teacher-1"), "user"),
        Map.entry("users/" + id("student-1") + "/classes", "classes"));
  }

  @Test
  void shouldAnswerEveryOperationWithItsEnvelope() {
    operations()
        .forEach(
            (path, envelope) -> {
              HttpResult result = get(path);
              assertThat(result.status()).as(path + " " + result).isEqualTo(200);
              JsonObject body = result.json();
              assertThat(body.keySet()).as(path).containsExactly(envelope);
              if (body.get(envelope).getValueType() == JsonValue.ValueType.ARRAY) {
                assertThat(result.header("X-Total-Count")).as(path).isPresent();
                assertThat(result.header("Link").orElse("")).as(path).contains("rel=\"first\"");
                assertThat(body.getJsonArray(envelope)).as(path).isNotEmpty();
              }
            });
  }

  @Test
  void shouldAnswerEveryOperationInTheOnePointTwoModelAndNothingElse() {
    OneRosterSchema schema = OneRosterSchema.load();
    SoftAssertions soft = new SoftAssertions();
    operations()
        .forEach(
            (path, envelope) -> {
              HttpResult result = get(path);
              soft.assertThat(schema.problems(result.body(), envelope)).as(path).isEmpty();
            });
    soft.assertThat(schema.problems(get("users/no-such-user").body(), "imsxStatus"))
        .as("an error")
        .isEmpty();
    soft.assertAll();
  }

  @Test
  void shouldPublishADiscoveryDocumentOfThisServerWithoutAToken() {
    HttpResult discovery =
        HTTP.get(BASE + "discovery/onerosterv1p2rostersservice_openapi3_v1p0.json");
    assertThat(discovery.status()).isEqualTo(200);
    JsonObject document = discovery.json();
    assertThat(document.getJsonArray("servers").getJsonObject(0).getString("url"))
        .isEqualTo(HTTP.baseUrl() + BASE);
    JsonObject flow =
        document
            .getJsonObject("components")
            .getJsonObject("securitySchemes")
            .getJsonObject("OAuth2CC")
            .getJsonObject("flows")
            .getJsonObject("clientCredentials");
    assertThat(flow.getString("tokenUrl")).isEqualTo(HTTP.baseUrl() + "/oauth/token");
    assertThat(flow.getJsonObject("scopes").keySet())
        .contains("https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly");
    assertThat(document.getJsonObject("paths").keySet())
        .hasSize(41)
        .contains("/users", "/schools/{schoolId}/classes/{id}/students", "/demographics/{id}");
    assertThat(HTTP.get(BASE + "discovery/imsorv1p2_rostering_openapi3_v1p0.json").json())
        .isEqualTo(document);
  }

  @Test
  void shouldDocumentTheApiInOpenApi() {
    HttpResult openapi =
        HTTP.send(HTTP.request("/openapi").header("Accept", "application/json").GET());
    assertThat(openapi.status()).isEqualTo(200);
    assertThat(openapi.json().getJsonObject("paths").keySet())
        .contains(
            "/oauth/token",
            "/api/v1/admin/api-keys",
            "/api/v1/auth/login",
            "/ims/oneroster/rostering/v1p2/users",
            "/ims/oneroster/rostering/v1p2/schools/{schoolId}/classes/{id}/students");
    assertThat(HTTP.get("/openapi/ui/").status()).isEqualTo(200);
  }

  @Test
  void shouldShowReferencesAsGuidRefs() {
    JsonObject clazz = get("classes/" + id("class-1")).json().getJsonObject("class");
    JsonObject course = clazz.getJsonObject("course");
    assertThat(course.getString("sourcedId")).isEqualTo(id("course-1"));
    assertThat(course.getString("type")).isEqualTo("course");
    assertThat(course.getString("href")).endsWith(BASE + "courses/" + id("course-1"));
    assertThat(clazz.getJsonArray("terms").getJsonObject(0).getString("type"))
        .isEqualTo("academicSession");
    JsonObject user = get("users/" + id("teacher-1")).json().getJsonObject("user");
    assertThat(user.getString("enabledUser")).isEqualTo("true");
    assertThat(user.getJsonArray("roles").getJsonObject(0).getJsonObject("org").getString("href"))
        .endsWith(BASE + "orgs/" + id("school-1"));
    assertThat(user.getString("dateLastModified")).isEqualTo("2026-03-01T00:00:00Z");
  }

  @Test
  void shouldPageWithTotalAndLinks() {
    HttpResult first = get("users?limit=1&filter=" + encode(fixture.onlyMine()));
    assertThat(first.header("X-Total-Count")).contains("3");
    assertThat(first.json().getJsonArray("users")).hasSize(1);
    // A page is sent whole with its length, not in chunks: clients can tell a cut-off page.
    assertThat(first.header("Content-Length"))
        .contains(String.valueOf(first.body().getBytes(StandardCharsets.UTF_8).length));
    String links = first.header("Link").orElseThrow();
    assertThat(links).contains("offset=1>; rel=\"next\"").contains("offset=2>; rel=\"last\"");
    HttpResult clamped = get("users?limit=999999&filter=" + encode(fixture.onlyMine()));
    assertThat(clamped.status()).isEqualTo(200);
    assertThat(clamped.header("Link").orElseThrow()).contains("limit=5000");
    HttpResult sorted =
        get(
            "users?sort=familyName&orderBy=desc&fields=familyName&filter="
                + encode(fixture.onlyMine()));
    assertThat(sorted.json().getJsonArray("users").getJsonObject(0).getString("familyName"))
        .isEqualTo("Smith");
  }

  @Test
  void shouldApplyEachFilterOperator() {
    assertThat(count("users", "familyName='O''Doe'")).isEqualTo(1);
    assertThat(count("users", "status!='active'")).isEqualTo(1);
    assertThat(count("enrollments", "dateLastModified>'2026-04-02T00:00:00Z'")).isEqualTo(1);
    assertThat(count("enrollments", "dateLastModified>='2026-04-02T00:00:00Z'")).isEqualTo(2);
    assertThat(count("enrollments", "dateLastModified<'2026-04-02T00:00:00Z'")).isEqualTo(1);
    assertThat(count("enrollments", "dateLastModified<='2026-04-02'")).isEqualTo(2);
    assertThat(count("users", "givenName~'LE'")).isEqualTo(1);
    assertThat(count("users", "roles.org.sourcedId='" + id("school-1") + "'")).isEqualTo(2);
    assertThat(count("users", "roles.role='student' AND status='active'")).isEqualTo(1);
    assertThat(count("users", "givenName='Jane' OR givenName='Bao'")).isEqualTo(2);
    assertThat(count("classes", "terms.sourcedId='" + id("term-1") + "'")).isEqualTo(2);
  }

  @Test
  void shouldRefuseBadRequestsWithOneRosterCodes() {
    assertImsx(get("users?filter=" + encode("password='x'")), 400, "invalid_filter_field");
    assertImsx(get("users?fields=sourcedId,secret"), 400, "invalid_selection_field");
    assertImsx(get("users?limit=0"), 400, "invaliddata");
    assertImsx(get("users?limit=ten"), 400, "invaliddata");
    assertThat(get("users?limit=99999999999999").status()).isEqualTo(200);
    assertImsx(get("users?filter=" + encode("familyName='x")), 400, "invaliddata");
    assertImsx(get("users/" + id("nobody")), 404, "unknownobject");
    assertImsx(get("classes/" + id("nothing") + "/students"), 404, "unknownobject");
    assertImsx(HTTP.get(BASE + "users"), 401, "unauthorisedrequest");
  }

  @Test
  void shouldNeverFailOrLeakOnHostileFilters() {
    for (String hostile :
        List.of(
            "familyName='x'' OR ''1''=''1'",
            "familyName='x''; DROP TABLE roster_user; --'",
            "familyName='/* comment */'",
            "familyName='" + "a".repeat(1500) + "'",
            "sourcedId='x' OR sourcedId~''",
            "familyName~'%'",
            "familyName~'_'",
            "familyName='\\'",
            "dateLastModified>'2026-01-01T00:00:00Z'' OR ''a''=''a'",
            "roles.org.sourcedId='x'' OR 1=1 --'")) {
      HttpResult result = get("users?filter=" + encode(hostile));
      assertThat(result.status()).as(hostile).isIn(200, 400);
    }
    assertThat(count("users", "familyName~'%'")).isZero();
    assertThat(get("users?limit=1").status()).isEqualTo(200);
  }

  /**
   * How many of this fixture's rows a filter selects: a single predicate is ANDed with the
   * fixture's prefix; a filter that already joins two predicates is run as is and its answer
   * narrowed to the fixture's ids.
   */
  private static long count(String collection, String filter) {
    if (filter.contains(" AND ") || filter.contains(" OR ")) {
      HttpResult result = get(collection + "?limit=5000&filter=" + encode(filter));
      assertThat(result.status()).as(filter + " " + result).isEqualTo(200);
      return result.json().getJsonArray(collection).getValuesAs(JsonObject.class).stream()
          .filter(o -> o.getString("sourcedId").startsWith(id("")))
          .count();
    }
    HttpResult scoped =
        get(collection + "?filter=" + encode(filter + " AND " + fixture.onlyMine()));
    assertThat(scoped.status()).as(filter + " " + scoped).isEqualTo(200);
    return Long.parseLong(scoped.header("X-Total-Count").orElseThrow());
  }

  static void assertImsx(HttpResult result, int status, String codeMinor) {
    assertThat(result.status()).as(result.toString()).isEqualTo(status);
    JsonObject body = result.json();
    assertThat(body.getString("imsx_codeMajor")).isEqualTo("failure");
    assertThat(body.getString("imsx_severity")).isEqualTo("error");
    assertThat(
            body.getJsonObject("imsx_CodeMinor")
                .getJsonArray("imsx_codeMinorField")
                .getJsonObject(0)
                .getString("imsx_codeMinorFieldValue"))
        .isEqualTo(codeMinor);
  }

  private static HttpResult get(String path) {
    return HTTP.get(BASE + path, token);
  }

  private static String id(String name) {
    return fixture.id(name);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
