package dev.lectern.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.HttpResult;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.Sql;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Partial restore of one school: the preview lists what is missing and what differs, apply brings
 * back exactly the school's rows, leaves conflicts unless told to overwrite, and touches nothing
 * else. The school's rows are found by SQL written here, not by the production query.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartialRestoreIT {

  private static LecternServer server;
  private static String dbUrl;
  private static BackupClient backups;
  private static String backupId;
  private static String school;
  private static String otherSchool;
  private static String schoolRows;
  private static String conflictUser;
  private static List<String> classes;

  @BeforeAll
  static void start() throws Exception {
    BackupInstallation installation = BackupInstallation.create("partial");
    dbUrl = installation.dbUrl();
    server = installation.server().start().awaitReady();
    backups = new BackupClient(server.http(), server.http().adminToken());
    Sql.execute(dbUrl, "SELECT roster_generate_district(1500, 9000, 3)");
    List<String> schools =
        strings("SELECT sourced_id FROM roster_org WHERE type = 'school' ORDER BY sourced_id");
    school = schools.get(0);
    otherSchool = schools.get(1);
    schoolRows = schoolRows();
    classes =
        strings(
            "SELECT sourced_id FROM roster_class WHERE school_sourced_id = '"
                + school
                + "' ORDER BY 1");
    conflictUser =
        strings(
                "SELECT e.user_sourced_id FROM roster_enrollment e JOIN roster_class c ON"
                    + " c.sourced_id = e.class_sourced_id WHERE c.school_sourced_id = '"
                    + school
                    + "' ORDER BY 1 LIMIT 1")
            .get(0);
    backupId = backups.backup().getJsonObject("counts").getString("backupId");
    // The loss: the school, its classes and their enrollments deleted; one of its users edited
    // since the backup; a class of another school edited too (must stay as it is).
    Sql.execute(
        dbUrl,
        "DELETE FROM roster_enrollment WHERE class_sourced_id IN (SELECT sourced_id FROM"
            + " roster_class WHERE school_sourced_id = '"
            + school
            + "')",
        "DELETE FROM roster_class WHERE school_sourced_id = '" + school + "'",
        "DELETE FROM roster_org WHERE sourced_id = '" + school + "'",
        "UPDATE roster_user SET given_name = 'Edited' WHERE sourced_id = '" + conflictUser + "'",
        "UPDATE roster_class SET title = 'Kept edit' WHERE sourced_id = (SELECT min(sourced_id)"
            + " FROM roster_class WHERE school_sourced_id = '"
            + otherSchool
            + "')");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void shouldRefuseUnclearRequests() {
    String base = "/api/v1/admin/backups/" + backupId + "/partial-restore/";
    assertThat(backups.post(base + "preview", "{}").errorCode()).isEqualTo("invalid_scope");
    assertThat(
            backups
                .post(base + "preview", "{\"school\":\"" + school + "\",\"user\":\"x\"}")
                .errorCode())
        .isEqualTo("invalid_scope");
    assertThat(backups.post(base + "apply", "{\"school\":\"" + school + "\"}").errorCode())
        .isEqualTo("confirmation_required");
    HttpResult unknown = backups.post(base + "preview", "{\"school\":\"no-such-school\"}");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.body()).contains("no-such-school");
  }

  @Test
  @Order(2)
  void shouldPreviewWhatIsMissingAndWhatDiffers() throws Exception {
    HttpResult preview =
        backups.post(
            "/api/v1/admin/backups/" + backupId + "/partial-restore/preview",
            "{\"school\":\"" + school + "\"}");
    assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
    JsonObject plan = preview.json();
    assertThat(ids(plan.getJsonObject("insert"), "orgs")).containsExactly(school);
    assertThat(ids(plan.getJsonObject("insert"), "classes"))
        .isNotEmpty()
        .containsExactlyElementsOf(classes);
    assertThat(ids(plan.getJsonObject("overwrite"), "users")).containsExactly(conflictUser);
    assertThat(plan.getBoolean("applied")).isFalse();
    assertThat(count("SELECT count(*) FROM roster_org WHERE sourced_id = '" + school + "'"))
        .as("a preview changes nothing")
        .isZero();
  }

  @Test
  @Order(3)
  void shouldBringBackExactlyTheSchoolAndLeaveConflictsUnlessTold() throws Exception {
    String path = "/api/v1/admin/backups/" + backupId + "/partial-restore/apply";
    HttpResult applied =
        backups.post(path, "{\"school\":\"" + school + "\",\"confirm\":\"" + backupId + "\"}");
    assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
    assertThat(applied.json().getBoolean("applied")).isTrue();
    assertThat(
            strings("SELECT given_name FROM roster_user WHERE sourced_id = '" + conflictUser + "'"))
        .containsExactly("Edited");

    HttpResult overwritten =
        backups.post(
            path,
            "{\"school\":\"" + school + "\",\"confirm\":\"" + backupId + "\",\"overwrite\":true}");
    assertThat(overwritten.status()).as(overwritten.toString()).isEqualTo(200);
    assertThat(schoolRows()).isEqualTo(schoolRows);
    assertThat(
            count(
                "SELECT count(*) FROM roster_class WHERE title = 'Kept edit' AND school_sourced_id"
                    + " = '"
                    + otherSchool
                    + "'"))
        .as("the other school is untouched")
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM roster_org WHERE sourced_id = '"
                    + school
                    + "' AND date_last_modified > now() - interval '5 minutes'"))
        .as("restored rows are stamped for delta syncs")
        .isEqualTo(1);
  }

  /** The school's org, classes, enrollments and enrolled users, without modification stamps. */
  private static String schoolRows() throws Exception {
    String scope = "'" + (school == null ? "" : school) + "'";
    return String.join(
        "\n",
        strings(
            "SELECT 'org ' || (to_jsonb(o) - 'date_last_modified')::text FROM roster_org o WHERE"
                + " sourced_id = "
                + scope
                + " UNION ALL SELECT 'class ' || (to_jsonb(c) - 'date_last_modified')::text FROM"
                + " roster_class c WHERE school_sourced_id = "
                + scope
                + " UNION ALL SELECT 'enrollment ' || (to_jsonb(e) - 'date_last_modified')::text"
                + " FROM roster_enrollment e JOIN roster_class c ON c.sourced_id ="
                + " e.class_sourced_id WHERE c.school_sourced_id = "
                + scope
                + " UNION ALL SELECT 'user ' || (to_jsonb(u) - 'date_last_modified')::text FROM"
                + " roster_user u WHERE u.sourced_id IN (SELECT e.user_sourced_id FROM"
                + " roster_enrollment e JOIN roster_class c ON c.sourced_id = e.class_sourced_id"
                + " WHERE c.school_sourced_id = "
                + scope
                + ") ORDER BY 1"));
  }

  private static List<String> ids(JsonObject byCollection, String collection) {
    return byCollection.getJsonArray(collection).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static int count(String sql) throws Exception {
    try (Connection c = Sql.connect(dbUrl)) {
      return (int) Sql.count(c, sql);
    }
  }

  private static List<String> strings(String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection c = Sql.connect(dbUrl);
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
