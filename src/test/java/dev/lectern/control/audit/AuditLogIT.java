package dev.lectern.control.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.Json;
import dev.lectern.testing.Sql;
import dev.lectern.testing.TestEnvironment;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuditLogIT {

  private static final Http HTTP = Http.lectern();
  private static String admin;

  @BeforeAll
  static void signIn() {
    admin = HTTP.adminToken();
  }

  @Test
  void shouldRecordAFailedLoginWithItsRequestIdAndAddress() {
    String username = "audit-" + UUID.randomUUID();
    String requestId = "audit-login-" + UUID.randomUUID();
    HttpResult login =
        HTTP.send(
            HTTP.request("/api/v1/auth/login")
                .header("Content-Type", "application/json")
                .header("X-Request-ID", requestId)
                .header("User-Agent", "audit-test/1.0")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Json.object("username", username, "password", "not-the-password")
                            .toString())));
    assertThat(login.status()).isEqualTo(401);
    List<JsonObject> rows = rows("actor=" + encode(username) + "&action=auth.login");
    assertThat(rows).hasSize(1);
    JsonObject row = rows.get(0);
    assertThat(row.getString("outcome")).isEqualTo("failure");
    assertThat(row.getString("requestId")).isEqualTo(requestId);
    assertThat(row.getString("ip")).isNotBlank();
    assertThat(row.getString("userAgent")).isEqualTo("audit-test/1.0");
    assertThat(rows("actor=" + encode(username) + "&outcome=success")).isEmpty();

    // the same event as a log line of its own kind, for a log shipper
    Eventually.within(
        Duration.ofSeconds(5),
        () -> auditLines(requestId).size() == 1,
        () -> "audit lines of " + requestId + ": " + auditLines(requestId));
    assertThat(auditLines(requestId).get(0))
        .contains("\"ext_eventType\":\"lectern_audit\"")
        .contains("\"ext_auditAction\":\"auth.login\"")
        .contains("\"ext_auditOutcome\":\"failure\"")
        .contains("\"ext_auditActor\":\"" + username + "\"")
        .doesNotContain("not-the-password");
  }

  private static List<String> auditLines(String requestId) {
    Path messages =
        TestEnvironment.libertyDir()
            .resolve("usr/servers")
            .resolve(TestEnvironment.serverName())
            .resolve("logs/messages.log");
    try {
      return Files.readAllLines(messages).stream()
          .filter(line -> line.contains("\"ext_requestId\":\"" + requestId + "\""))
          .filter(line -> line.contains("lectern_audit"))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  @Test
  void shouldRecordAdminActionsWithTheAdminAsActor() {
    HttpResult created =
        HTTP.postJson(
            "/api/v1/admin/api-keys",
            "{\"name\":\"audited\",\"scopes\":"
                + "[\"https://purl.imsglobal.org/spec/or/v1p2/scope/roster.readonly\"]}",
            admin);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String clientId = created.json().getString("clientId");
    String requestId = created.header("X-Request-ID").orElseThrow();
    List<JsonObject> rows = rows("action=apikey.create&actor=admin");
    assertThat(rows)
        .anySatisfy(
            row -> {
              assertThat(row.getString("target")).isEqualTo(clientId);
              assertThat(row.getString("requestId")).isEqualTo(requestId);
              assertThat(row.getString("outcome")).isEqualTo("success");
            });
    HttpResult cleared =
        HTTP.send(
            HTTP.request("/api/v1/cache/clear")
                .header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(rows("action=cache.clear"))
        .anySatisfy(
            row ->
                assertThat(row.getString("requestId"))
                    .isEqualTo(cleared.header("X-Request-ID").orElseThrow()));
  }

  @Test
  void shouldRecordRefusedAndFailedAdminActionsButNotAnonymousOnes() {
    String operator = "audit-op-" + UUID.randomUUID();
    String password = "Operator-password-" + UUID.randomUUID();
    HTTP.createAccount(admin, operator, "operator", password);
    String token = HTTP.login(operator, password);

    HttpResult refused = HTTP.postJson("/api/v1/admin/auth/keys/rotate", "{}", token);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(rows("action=auth.key_rotate&actor=" + encode(operator)))
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.getString("outcome")).isEqualTo("denied");
              assertThat(row.getString("requestId"))
                  .isEqualTo(refused.header("X-Request-ID").orElseThrow());
            });

    String missing = "lectern_19990101_000000_" + (1000 + new java.util.Random().nextInt(9000));
    HttpResult failed =
        HTTP.send(
            HTTP.request("/api/v1/admin/backups/" + missing)
                .header("Authorization", "Bearer " + admin)
                .DELETE());
    assertThat(failed.status()).as(failed.toString()).isEqualTo(404);
    assertThat(rows("action=backup.delete&outcome=failure"))
        .anySatisfy(row -> assertThat(row.getString("target")).isEqualTo(missing));

    String requestId = "audit-anonymous-" + UUID.randomUUID();
    HttpResult anonymous =
        HTTP.send(
            HTTP.request("/api/v1/admin/auth/keys/rotate")
                .header("X-Request-ID", requestId)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(rows("action=auth.key_rotate&actor=anonymous"))
        .noneSatisfy(row -> assertThat(row.getString("requestId")).isEqualTo(requestId));
  }

  @Test
  void shouldRefuseFiltersThatDoNotParse() {
    assertThat(list("outcome=maybe").status()).isEqualTo(400);
    assertThat(list("since=yesterday").errorCode()).isEqualTo("invalid_parameter");
    assertThat(list("limit=0").errorCode()).isEqualTo("validation_failed");
  }

  @Test
  void shouldBeAppendOnlyInTheDatabase() throws SQLException {
    try (Connection db = Sql.lecternDatabase();
        Statement sql = db.createStatement()) {
      sql.execute(
          "INSERT INTO audit_log (actor, action, outcome) VALUES ('audit-it', 'test.recent', 'success')");
      assertThatThrownBy(
              () ->
                  sql.executeUpdate(
                      "UPDATE audit_log SET actor = 'someone-else' WHERE actor = 'audit-it'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM audit_log WHERE actor = 'audit-it'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> sql.execute("TRUNCATE audit_log"))
          .hasMessageContaining("append-only");
      sql.execute(
          "INSERT INTO audit_log (occurred_at, actor, action, outcome) VALUES (now() - interval"
              + " '400 days', 'audit-it', 'test.expired', 'success')");
      assertThat(sql.executeUpdate("DELETE FROM audit_log WHERE action = 'test.expired'"))
          .isEqualTo(1);
      assertThat(Sql.count(db, "SELECT count(*) FROM audit_log WHERE actor = 'audit-it'"))
          .isEqualTo(1);
    }
  }

  private static List<JsonObject> rows(String query) {
    HttpResult result = list(query);
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
    return result.json().getJsonArray("auditLogs").getValuesAs(JsonObject.class);
  }

  private static HttpResult list(String query) {
    return HTTP.get("/api/v1/admin/audit-logs?" + query, admin);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
