package dev.lectern.roster.api;

import static dev.lectern.roster.api.OneRosterIT.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.RosterFixture;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RosterAdminIT {

  private static final Http HTTP = Http.lectern();
  private static RosterFixture fixture;
  private static String token;

  @BeforeAll
  static void loadDistrict() {
    fixture = RosterFixture.load();
    token = HTTP.adminToken();
  }

  @Test
  void shouldCreateThenLeaveUnchangedThenUpdateStampingOnlyRealChanges() throws Exception {
    String id = fixture.id("school-new");
    JsonObject school = school("North Campus");
    HttpResult created = put("orgs/" + id, school);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("X-Lectern-Outcome")).contains("created");
    String firstStamp = created.json().getJsonObject("org").getString("dateLastModified");
    assertThat(HTTP.get(BASE + "schools/" + id, token).status()).isEqualTo(200);

    Thread.sleep(5);
    HttpResult same = put("orgs/" + id, school);
    assertThat(same.status()).isEqualTo(200);
    assertThat(same.header("X-Lectern-Outcome")).contains("unchanged");
    assertThat(same.json().getJsonObject("org").getString("dateLastModified"))
        .isEqualTo(firstStamp);

    HttpResult changed = put("orgs/" + id, school("North Campus Annex"));
    assertThat(changed.header("X-Lectern-Outcome")).contains("updated");
    assertThat(changed.json().getJsonObject("org").getString("dateLastModified"))
        .isGreaterThan(firstStamp);
    assertThat(changed.json().getJsonObject("org").getString("name"))
        .isEqualTo("North Campus Annex");
  }

  @Test
  void shouldNameEveryInvalidField() {
    HttpResult invalid =
        put(
            "orgs/" + fixture.id("bad"),
            Json.createObjectBuilder()
                .add("type", "galaxy")
                .add("parent", Json.createObjectBuilder().add("sourcedId", fixture.id("nowhere")))
                .build());
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.body()).contains("\"field\":\"name\"").contains("\"field\":\"type\"");
    HttpResult dangling =
        put(
            "orgs/" + fixture.id("bad"),
            Json.createObjectBuilder()
                .add("name", "Orphan")
                .add("type", "school")
                .add("parent", Json.createObjectBuilder().add("sourcedId", fixture.id("nowhere")))
                .build());
    assertThat(dangling.status()).isEqualTo(422);
    assertThat(dangling.body()).contains("\"field\":\"parent\"");
    assertThat(HTTP.get(BASE + "orgs/" + fixture.id("bad"), token).status()).isEqualTo(404);
  }

  @Test
  void shouldWriteUsersWithRolesThatFiltersAndBoundariesSee() {
    String id = fixture.id("teacher-new");
    JsonObject user =
        Json.createObjectBuilder()
            .add("enabledUser", "true")
            .add("username", "newteacher")
            .add("givenName", "Nia")
            .add("familyName", "Okafor")
            .add(
                "roles",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("roleType", "primary")
                            .add("role", "teacher")
                            .add(
                                "org",
                                Json.createObjectBuilder()
                                    .add("sourcedId", fixture.id("school-2")))))
            .build();
    assertThat(put("users/" + id, user).status()).isEqualTo(201);
    HttpResult teachers = HTTP.get(BASE + "schools/" + fixture.id("school-2") + "/teachers", token);
    assertThat(teachers.body()).contains(id);
  }

  @Test
  void shouldMarkDeletedRecordsForDeltaConsumers() {
    String id = fixture.id("enr-3");
    HttpResult deleted =
        HTTP.send(
            HTTP.request("/api/v1/admin/roster/enrollments/" + id)
                .header("Authorization", "Bearer " + token)
                .DELETE());
    assertThat(deleted.status()).isEqualTo(200);
    JsonObject enrollment = deleted.json().getJsonObject("enrollment");
    assertThat(enrollment.getString("status")).isEqualTo("tobedeleted");
    assertThat(enrollment.getString("dateLastModified")).isGreaterThan("2026-04-03T00:00:00Z");
    HttpResult missing =
        HTTP.send(
            HTTP.request("/api/v1/admin/roster/enrollments/" + fixture.id("none"))
                .header("Authorization", "Bearer " + token)
                .DELETE());
    assertThat(missing.status()).isEqualTo(404);
  }

  @Test
  void shouldKeepATermsSchoolWhenWhatWasReadIsWrittenBack() {
    String id = fixture.id("term-roundtrip");
    String school = fixture.id("school-1");
    JsonObject term =
        Json.createObjectBuilder()
            .add("title", "Spring")
            .add("type", "term")
            .add("startDate", "2027-01-10")
            .add("endDate", "2027-05-30")
            .add("schoolYear", "2027")
            .add("org", Json.createObjectBuilder().add("sourcedId", school))
            .build();
    HttpResult created = put("academicSessions/" + id, term);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonObject shown = created.json().getJsonObject("academicSession");
    assertThat(shown).doesNotContainKey("org");

    JsonObject edited = Json.createObjectBuilder(shown).add("title", "Spring (edited)").build();
    HttpResult written = put("academicSessions/" + id, edited);
    assertThat(written.status()).as(written.toString()).isEqualTo(200);
    assertThat(written.header("X-Lectern-Outcome")).contains("updated");
    assertThat(HTTP.get(BASE + "schools/" + school + "/terms?limit=1000", token).body())
        .contains("\"sourcedId\":\"" + id + "\"")
        .contains("Spring (edited)");
  }

  @Test
  void shouldListWhatBelongsToASchoolAClassAndAUser() {
    JsonObject school =
        HTTP.get("/api/v1/admin/roster/schools/" + fixture.id("school-1") + "/related", token)
            .json();
    assertThat(school.getJsonArray("orgs").getString(0)).isEqualTo(fixture.id("school-1"));
    assertThat(school.getJsonArray("classes").getString(0)).isEqualTo(fixture.id("class-1"));
    assertThat(school.getJsonArray("enrollments")).hasSize(2);
    assertThat(school.getJsonArray("users").toString())
        .contains(fixture.id("teacher-1"))
        .contains(fixture.id("student-1"))
        .doesNotContain(fixture.id("student-2"));
    JsonObject user =
        HTTP.get("/api/v1/admin/roster/users/" + fixture.id("student-1") + "/related", token)
            .json();
    assertThat(user.getJsonArray("demographics").getString(0)).isEqualTo(fixture.id("student-1"));
    assertThat(user.getJsonArray("enrollments").getString(0)).isEqualTo(fixture.id("enr-2"));
    assertThat(
            HTTP.get("/api/v1/admin/roster/classes/" + fixture.id("none") + "/related", token)
                .status())
        .isEqualTo(404);
  }

  private JsonObject school(String name) {
    return Json.createObjectBuilder()
        .add("name", name)
        .add("type", "school")
        .add("identifier", "S-NEW")
        .add("parent", Json.createObjectBuilder().add("sourcedId", fixture.id("district")))
        .add("metadata", Json.createObjectBuilder().add("campus", "north"))
        .build();
  }

  private static HttpResult put(String path, JsonObject body) {
    return HTTP.send(
        HTTP.request("/api/v1/admin/roster/" + path)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
  }
}
