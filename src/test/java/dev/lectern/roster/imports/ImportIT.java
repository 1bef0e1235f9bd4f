package dev.lectern.roster.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.Sql;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Valid packages round-trip through the OneRoster API. Bulk imports replace whole files, so these
 * run against a server and database of their own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportIT {

  private static final String OR = "/ims/oneroster/rostering/v1p2/";
  private static LecternServer server;

  /**
   * Short, so a killed server's job is failed soon, yet longer than the pauses a busy 2-core
   * machine shows: after staging a million rows, a server once logged nothing for 12 s, and a 5 s
   * timeout had the other server fail its healthy job.
   */
  private static final String HEARTBEAT_TIMEOUT = "20";

  private static String dbUrl;
  private static Http http;
  private static String admin;
  private static ImportClient imports;

  @BeforeAll
  static void start() throws Exception {
    dbUrl = Sql.createDatabase("imports");
    server =
        BatchConsole.adminCenterOn(
                new LecternServer("imports")
                    .with("DB_URL", dbUrl)
                    .with("JOB_HEARTBEAT_TIMEOUT_SECONDS", HEARTBEAT_TIMEOUT),
                "imports")
            .start()
            .awaitReady();
    http = server.http();
    admin = http.adminToken();
    imports = new ImportClient(http, admin);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void shouldImportABulk12PackageAndServeEveryRecord() throws Exception {
    JsonObject job = imports.importOk(CsvPackage.district12("bulk").zip());
    assertThat(job.getJsonObject("counts").getJsonObject("users.csv").getInt("rows")).isEqualTo(3);
    assertThat(job.getInt("progress")).isEqualTo(100);

    JsonObject school = http.get(OR + "orgs/s1", admin).json().getJsonObject("org");
    assertThat(school.getString("name")).isEqualTo("North School, Main");
    assertThat(school.getJsonObject("parent").getString("sourcedId")).isEqualTo("d1");
    JsonObject alan = http.get(OR + "users/u2", admin).json().getJsonObject("user");
    assertThat(alan.getJsonArray("roles")).hasSize(2);
    assertThat(alan.getJsonArray("userIds")).hasSize(2);
    assertThat(alan.getString("middleName")).isEqualTo("M");
    JsonObject grace = http.get(OR + "users/u3", admin).json().getJsonObject("user");
    assertThat(grace.getJsonArray("agents").getJsonObject(0).getString("sourcedId"))
        .isEqualTo("u1");
    JsonObject klass = http.get(OR + "classes/k1", admin).json().getJsonObject("class");
    assertThat(klass.getJsonArray("periods").getString(1)).isEqualTo("2");
    assertThat(klass.getJsonArray("terms").getJsonObject(0).getString("sourcedId")).isEqualTo("t1");
    assertThat(http.get(OR + "classes/k1/students", admin).json().getJsonArray("users")).hasSize(1);
    assertThat(
            http.get(OR + "demographics/u1", admin)
                .json()
                .getJsonObject("demographics")
                .getString("sex"))
        .isEqualTo("female");
    try (Connection c = Sql.connect(dbUrl)) {
      assertThat(Sql.count(c, "SELECT count(*) FROM roster_user WHERE sourced_id LIKE 'u%'"))
          .isEqualTo(3);
      // The first load rebuilt the indexes it dropped.
      assertThat(
              Sql.count(
                  c,
                  "SELECT count(*) FROM pg_indexes WHERE tablename ="
                      + " 'roster_enrollment' AND indexname IN ('roster_enrollment_pkey',"
                      + " 'roster_enrollment_modified', 'roster_enrollment_class', 'roster_enrollment_user',"
                      + " 'roster_enrollment_school')"))
          .isEqualTo(5);
      assertThat(Sql.count(c, "SELECT count(*) FROM pg_indexes WHERE tablename = 'roster_user'"))
          .isEqualTo(4);
    }
    // The same job in Liberty's batch management API (HTTPS), read with Lectern's accounts.
    BatchConsole.onlyEnabledAdminsAndOperatorsRead(server, http, admin);
    BatchConsole.lockdownEndsConsoleSignIns(server, http);
    admin = http.adminToken();
    imports = new ImportClient(http, admin);
  }

  @Test
  @Order(2)
  void shouldChangeNothingWhenTheSamePackageIsImportedAgain() throws Exception {
    String before = RosterDigest.of(dbUrl);
    JsonObject job = imports.importOk(CsvPackage.district12("bulk").zip());
    JsonObject counts = job.getJsonObject("counts");
    for (String file : counts.keySet()) {
      JsonObject c = counts.getJsonObject(file);
      assertThat(c.getInt("created", 0) + c.getInt("updated", 0) + c.getInt("deleted", 0))
          .as(file + " " + c)
          .isZero();
    }
    assertThat(RosterDigest.of(dbUrl)).isEqualTo(before);
  }

  @Test
  @Order(3)
  void shouldApplyADeltaPackage() throws Exception {
    String alanBefore = http.get(OR + "users/u2", admin).json().getJsonObject("user").toString();
    String lead = ",active,2026-09-02T00:00:00.000Z,";
    byte[] delta =
        CsvPackage.v12()
            .file("orgs", "delta", CsvPackage.ORGS_12, "s3" + lead + "East School,school,S3,d1")
            .file(
                "users",
                "delta",
                CsvPackage.USERS_12,
                "u1"
                    + lead
                    + "true,ada,{SIS:100},Augusta,Lovelace,,A100,ada@example.org,,,,09,"
                    + ",,,,,s1,she/her")
            .file(
                "enrollments",
                "delta",
                CsvPackage.ENROLLMENTS_12,
                "e2,tobedeleted,2026-09-02T00:00:00.000Z,k1,s1,u2,teacher,true,,")
            .zip();
    JsonObject job = imports.importOk(delta);
    assertThat(job.getJsonObject("counts").getJsonObject("enrollments.csv").getInt("deleted"))
        .isEqualTo(1);

    JsonObject ada = http.get(OR + "users/u1", admin).json().getJsonObject("user");
    assertThat(ada.getString("givenName")).isEqualTo("Augusta");
    assertThat(ada.getJsonArray("roles")).hasSize(1);
    assertThat(
            http.get(OR + "enrollments/e2", admin)
                .json()
                .getJsonObject("enrollment")
                .getString("status"))
        .isEqualTo("tobedeleted");
    assertThat(http.get(OR + "orgs/s3", admin).status()).isEqualTo(200);
    assertThat(http.get(OR + "users/u2", admin).json().getJsonObject("user").toString())
        .isEqualTo(alanBefore);
    assertThat(
            http.get(
                    OR
                        + "users?filter=dateLastModified%3E'"
                        + job.getString("startedAt").substring(0, 19)
                        + "Z'",
                    admin)
                .json()
                .getJsonArray("users"))
        .hasSize(1);
  }

  @Test
  @Order(4)
  void shouldLeaveTheRosterAsItWasWhenAnImportIsCancelled() throws Exception {
    String before = RosterDigest.of(dbUrl);
    String id = imports.submit(CsvPackage.largeDelta("cx", 40_000, 400_000).zip());
    Eventually.within(
        Duration.ofSeconds(60),
        () -> {
          JsonObject job = imports.job(id);
          return job.getString("state").equals("active")
              && job.getString("phase", "").startsWith("staging");
        },
        () -> "job never started staging: " + imports.job(id));
    assertThat(imports.post("/api/v1/admin/jobs/" + id + "/cancel").status()).isEqualTo(200);
    JsonObject job = imports.await(id, Duration.ofSeconds(60));
    assertThat(job.getString("state")).as(job.toString()).isEqualTo("cancelled");
    assertThat(RosterDigest.of(dbUrl)).isEqualTo(before);
    Eventually.within(
        Duration.ofSeconds(10), () -> stagingTables() == 0, () -> "staging tables left behind");
    assertThat(imports.post("/api/v1/admin/jobs/" + id + "/cancel").status()).isEqualTo(409);
  }

  @Test
  @Order(5)
  void shouldImport11BulkAndDeltaPackagesWithRolesFromUsers() throws Exception {
    byte[] v11 =
        CsvPackage.v11()
            .file(
                "orgs",
                "bulk",
                CsvPackage.ORGS_12,
                "d1,,,District One,district,D1,",
                "s1,,,North School,school,S1,d1",
                "s2,,,South School,school,S2,d1")
            .file(
                "academicSessions",
                "bulk",
                CsvPackage.SESSIONS_12,
                "y1,,,2026-2027,schoolYear,2026-08-15,2027-06-15,,2027",
                "t1,,,Fall,term,2026-08-15,2026-12-20,y1,2027")
            .file("courses", "bulk", CsvPackage.COURSES_12, "c1,,,y1,Algebra,ALG,09,s1,,")
            .file(
                "classes",
                "bulk",
                CsvPackage.CLASSES_12,
                "k1,,,Algebra 1,09,c1,ALG-1,scheduled,Room 1,s1,t1,,,")
            .file(
                "users",
                "bulk",
                CsvPackage.USERS_11,
                "v1,,,true,\"s1,s2\",administrator,boss,{SIS:9},Big,Boss,,,,,,,,pw",
                "u1,,,true,s1,student,ada,,Ada,Lovelace,,,,,,,09,")
            .file("enrollments", "bulk", CsvPackage.ENROLLMENTS_12, "e1,,,k1,s1,u1,student,,,")
            .zip();
    imports.importOk(v11);
    JsonObject boss = http.get(OR + "users/v1", admin).json().getJsonObject("user");
    assertThat(boss.getJsonArray("roles")).hasSize(2);
    assertThat(boss.getJsonArray("roles").getJsonObject(0).getString("role"))
        .isEqualTo("siteAdministrator");
    assertThat(boss.getJsonArray("roles").getJsonObject(1).getString("roleType"))
        .isEqualTo("secondary");
    assertThat(http.get(OR + "users/u2", admin).json().getJsonObject("user").getString("status"))
        .isEqualTo("tobedeleted");

    // A 1.1 delta, sent as a multipart form: the user's one role changes, an enrollment goes.
    byte[] delta11 =
        CsvPackage.v11()
            .file(
                "users",
                "delta",
                CsvPackage.USERS_11,
                "u1,active,2026-09-03T00:00:00.000Z,true,s2,aide,ada,,Ada,Lovelace,,,,,,,09,")
            .file(
                "enrollments",
                "delta",
                CsvPackage.ENROLLMENTS_12,
                "e1,tobedeleted,2026-09-03T00:00:00.000Z,k1,s1,u1,student,,,")
            .zip();
    HttpResult upload = multipart(delta11);
    assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
    assertThat(upload.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith(upload.json().getString("id")));
    JsonObject job = imports.await(upload.json().getString("id"), Duration.ofSeconds(60));
    assertThat(job.getString("state")).as(job.toString()).isEqualTo("completed");
    JsonObject ada = http.get(OR + "users/u1", admin).json().getJsonObject("user");
    assertThat(ada.getJsonArray("roles")).hasSize(1);
    assertThat(ada.getJsonArray("roles").getJsonObject(0).getString("role")).isEqualTo("aide");
    assertThat(
            ada.getJsonArray("roles").getJsonObject(0).getJsonObject("org").getString("sourcedId"))
        .isEqualTo("s2");
    assertThat(
            http.get(OR + "enrollments/e1", admin)
                .json()
                .getJsonObject("enrollment")
                .getString("status"))
        .isEqualTo("tobedeleted");
  }

  private static HttpResult multipart(byte[] zip) {
    String boundary = "lectern" + java.util.UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename=\"roster.zip\"\r\nContent-Type: application/zip\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    body.writeBytes(zip);
    body.writeBytes(
        ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return http.send(
        http.request("/api/v1/admin/imports")
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  @Test
  @Order(7)
  void shouldLeaveTheRosterAsItWasWhenTheServerIsKilledDuringTheApply() throws Exception {
    try (LecternServer victim =
        new LecternServer("imports-victim")
            .with("DB_URL", dbUrl)
            .with("JOB_HEARTBEAT_TIMEOUT_SECONDS", HEARTBEAT_TIMEOUT)
            .start()
            .awaitReady()) {
      String before = RosterDigest.of(dbUrl);
      String id = imports.submit(CsvPackage.largeDelta("kx", 60_000, 1_000_000).zip());
      Eventually.within(
          Duration.ofSeconds(120),
          () -> "applying".equals(imports.job(id).getString("phase", "")),
          () -> "the apply never started: " + imports.job(id));
      JsonObject running = imports.job(id);
      long pid = Long.parseLong(running.getString("owner").split("@")[0]);
      LecternServer owner = victim.runsProcess(pid) ? victim : server;
      LecternServer survivor = owner == victim ? server : victim;
      owner.kill();
      System.out.printf("killed %s during the apply%n", owner == victim ? "victim" : "server");
      ImportClient other = new ImportClient(survivor.http(), survivor.http().adminToken());

      JsonObject failed = other.await(id, Duration.ofSeconds(60));
      assertThat(failed.getString("state")).as(failed.toString()).isEqualTo("failed");
      assertThat(failed.getString("message")).contains("interrupted");
      assertThat(RosterDigest.of(dbUrl)).isEqualTo(before);

      assertThat(other.post("/api/v1/admin/jobs/" + id + "/retry").status()).isEqualTo(200);
      JsonObject retried = other.await(id, Duration.ofSeconds(180));
      assertThat(retried.getString("state")).as(retried.toString()).isEqualTo("completed");
      assertThat(retried.getInt("attempts")).isEqualTo(2);
      try (Connection c = Sql.connect(dbUrl)) {
        assertThat(
                Sql.count(
                    c,
                    "SELECT count(*) FROM roster_enrollment WHERE sourced_id LIKE"
                        + " 'kxe%' AND status = 'active'"))
            .isEqualTo(1_000_000);
      }
      if (owner == server) {
        server = null;
      }
    }
  }

  private static long stagingTables() {
    try (Connection c = Sql.connect(dbUrl)) {
      return Sql.count(c, "SELECT count(*) FROM pg_tables WHERE schemaname = 'import_stage'");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(6)
  void shouldRefuse11PackagesWhileTheirFlagIsOff() throws Exception {
    HttpResult off =
        http.send(
            http.request("/api/v1/admin/flags/oneroster-1-1-csv")
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"boolean\",\"variants\":{\"on\":true,\"off\":false},"
                            + "\"defaultVariant\":\"off\",\"reason\":\"1.2 only from now\"}")));
    assertThat(off.status()).as(off.toString()).isEqualTo(200);
    byte[] v11 =
        CsvPackage.v11()
            // A delta: the roster the later tests build on stays as it is.
            .file(
                "orgs",
                "delta",
                CsvPackage.ORGS_12,
                "fx1,active,2026-09-02T00:00:00.000Z,Flag District,district,FX,")
            .zip();
    try {
      JsonObject job = imports.await(imports.submit(v11), Duration.ofSeconds(60));
      assertThat(job.getString("state")).as(job.toString()).isEqualTo("failed");
      JsonObject report =
          imports.get("/api/v1/admin/jobs/" + job.getString("id") + "/report").json();
      assertThat(report.getJsonArray("problems").getValuesAs(JsonObject.class))
          .anySatisfy(
              problem -> {
                assertThat(problem.getString("field", null)).isEqualTo("oneroster.version");
                assertThat(problem.getString("message")).contains("oneroster-1-1-csv");
              });
      assertThat(http.get(OR + "orgs/fx1", admin).status()).isEqualTo(404);
    } finally {
      http.send(
          http.request("/api/v1/admin/flags/oneroster-1-1-csv")
              .header("Authorization", "Bearer " + admin)
              .DELETE());
    }
    imports.importOk(v11);
    assertThat(http.get(OR + "orgs/fx1", admin).status()).isEqualTo(200);
  }
}
