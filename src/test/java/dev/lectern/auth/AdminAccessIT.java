package dev.lectern.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.Sql;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminAccessIT {

  private static final Http HTTP = Http.lectern();
  private static final String PASSWORD = "correct-horse-battery";
  private static String adminToken;
  private static String suffix;

  @BeforeAll
  static void createAccounts() {
    adminToken = HTTP.adminToken();
    suffix = UUID.randomUUID().toString().substring(0, 8);
    for (String role : new String[] {"operator", "teacher", "student"}) {
      HttpResult created =
          HTTP.postJson("/api/v1/admin/users", account(role + "-" + suffix, role), adminToken);
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
  }

  @Test
  void shouldIssueABearerTokenForValidCredentials() {
    HttpResult login =
        HTTP.postJson(
            "/api/v1/auth/login",
            dev.lectern.testing.Json.object(
                    "username",
                    "admin",
                    "password",
                    dev.lectern.testing.TestEnvironment.adminPassword())
                .toString());
    assertThat(login.status()).isEqualTo(200);
    JsonObject body = login.json();
    assertThat(body.getString("tokenType")).isEqualTo("Bearer");
    assertThat(body.getJsonNumber("expiresIn").longValue()).isEqualTo(15 * 60);
    assertThat(body.getString("accessToken").split("\\.")).hasSize(3);
  }

  @Test
  void shouldAcceptTheEmailAsUsername() {
    assertThat(HTTP.login("operator-" + suffix + "@example.test", PASSWORD)).isNotBlank();
  }

  @Test
  void shouldRefuseWrongPasswordsAndUnknownUsersAlike() {
    HttpResult wrong =
        HTTP.postJson(
            "/api/v1/auth/login",
            dev.lectern.testing.Json.object("username", "admin", "password", "not-the-password")
                .toString());
    HttpResult unknown =
        HTTP.postJson(
            "/api/v1/auth/login",
            dev.lectern.testing.Json.object("username", "ghost-" + suffix, "password", PASSWORD)
                .toString());
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.errorCode()).isEqualTo("invalid_credentials");
    assertThat(unknown.json().getJsonObject("error").getString("message"))
        .isEqualTo(wrong.json().getJsonObject("error").getString("message"));
  }

  @Test
  void shouldLetAdminsReadAndWrite() {
    assertThat(HTTP.get("/api/v1/admin/users", adminToken).status()).isEqualTo(200);
    HttpResult created =
        HTTP.postJson(
            "/api/v1/admin/users", account("second-admin-" + suffix, "admin"), adminToken);
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().getString("id");
    assertThat(created.header("Location").orElseThrow()).endsWith("/api/v1/admin/users/" + id);
    HttpResult fetched = HTTP.get("/api/v1/admin/users/" + id, adminToken);
    assertThat(fetched.json().getJsonArray("roles").getString(0)).isEqualTo("admin");
    assertThat(fetched.body()).doesNotContain("pbkdf2").doesNotContain(PASSWORD);
  }

  @Test
  void shouldLetOperatorsReadButNotWrite() {
    String operator = HTTP.login("operator-" + suffix, PASSWORD);
    assertThat(HTTP.get("/api/v1/admin/users", operator).status()).isEqualTo(200);
    HttpResult write =
        HTTP.postJson("/api/v1/admin/users", account("x-" + suffix, "student"), operator);
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.errorCode()).isEqualTo("forbidden");
  }

  @Test
  void shouldForbidTeachersAndStudents() {
    for (String role : new String[] {"teacher", "student"}) {
      String token = HTTP.login(role + "-" + suffix, PASSWORD);
      HttpResult read = HTTP.get("/api/v1/admin/users", token);
      assertThat(read.status()).as(role).isEqualTo(403);
      assertThat(read.errorCode()).isEqualTo("forbidden");
    }
  }

  @Test
  void shouldRefuseDuplicatesWeakPasswordsAndUnknownRoles() {
    HttpResult duplicate =
        HTTP.postJson("/api/v1/admin/users", account("operator-" + suffix, "operator"), adminToken);
    assertThat(duplicate.status()).isEqualTo(409);

    HttpResult weak =
        HTTP.postJson(
            "/api/v1/admin/users",
            Json.createObjectBuilder()
                .add("username", "weak-" + suffix)
                .add("password", "short")
                .add("roles", Json.createArrayBuilder().add("operator"))
                .build()
                .toString(),
            adminToken);
    assertThat(weak.status()).isEqualTo(422);
    assertThat(weak.body()).contains("\"field\":\"password\"");

    HttpResult role =
        HTTP.postJson("/api/v1/admin/users", account("role-" + suffix, "superuser"), adminToken);
    assertThat(role.status()).isEqualTo(422);
    assertThat(role.body()).contains("\"field\":\"roles\"");
  }

  @Test
  void shouldStorePasswordsOnlyAsSaltedHashes() throws Exception {
    try (Connection db = Sql.lecternDatabase()) {
      assertThat(
              Sql.count(
                  db,
                  "select count(*) from platform_account where password_hash not like 'pbkdf2-sha256$%'"
                      + " or password_hash like '%"
                      + PASSWORD
                      + "%'"))
          .isZero();
    }
  }

  @Test
  void shouldPublishTheSigningKeyOfIssuedTokensInTheJwks() {
    String header = adminToken.substring(0, adminToken.indexOf('.'));
    String kid =
        Json.createReader(
                new java.io.StringReader(
                    new String(java.util.Base64.getUrlDecoder().decode(header))))
            .readObject()
            .getString("kid");
    HttpResult jwks = HTTP.get("/.well-known/jwks.json");
    assertThat(jwks.status()).isEqualTo(200);
    assertThat(jwks.json().getJsonArray("keys").getValuesAs(JsonObject.class))
        .anySatisfy(k -> assertThat(k.getString("kid")).isEqualTo(kid))
        .allSatisfy(k -> assertThat(k.containsKey("d")).as("private exponent").isFalse());
  }

  private static String account(String username, String role) {
    return Json.createObjectBuilder()
        .add("username", username)
        .add("email", username + "@example.test")
        .add("password", PASSWORD)
        .add("roles", Json.createArrayBuilder().add(role))
        .build()
        .toString();
  }
}
