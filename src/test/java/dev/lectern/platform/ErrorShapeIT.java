package dev.lectern.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

class ErrorShapeIT {

  private final Http http = Http.lectern();

  @Test
  void shouldAnswerAnUnknownPathWithTheJsonShape() {
    assertPlatformError(http.get("/api/v1/nothing-here"), 404, "not_found");
  }

  @Test
  void shouldAnswerAPathTheContainerRefusesWithTheJsonShapeAndNoClassNames() {
    HttpResult result = http.get("/api/v1/admin%2Fusers");
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.body()).doesNotContain("com.ibm").doesNotContain("<html");
    assertThat(result.json().getJsonObject("error").getString("code")).isNotBlank();
  }

  @Test
  void shouldAnswerAWrongMethodWith405() {
    HttpResult result = http.send(http.request("/api/v1/auth/login").GET());
    assertPlatformError(result, 405, "method_not_allowed");
  }

  @Test
  void shouldAnswerAWrongContentTypeWith415() {
    HttpResult result =
        http.send(
            http.request("/api/v1/auth/login")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("admin:secret")));
    assertPlatformError(result, 415, "unsupported_media_type");
  }

  @Test
  void shouldAnswerMalformedJsonWith400() {
    HttpResult result = http.postJson("/api/v1/auth/login", "{\"username\": \"adm");
    assertPlatformError(result, 400, "malformed_json");
  }

  @Test
  void shouldNameEachInvalidFieldIn422Details() {
    HttpResult result = http.postJson("/api/v1/auth/login", "{\"username\": \"\"}");
    assertPlatformError(result, 422, "validation_failed");
    assertThat(result.json().getJsonObject("error").getJsonArray("details"))
        .extracting(d -> ((JsonObject) d).getString("field"))
        .contains("username", "password");
  }

  @Test
  void shouldRefuseTextTheDatabaseCannotStoreWith400() {
    HttpResult result =
        http.postJson("/api/v1/auth/login", "{\"username\":\"nul\\u0000byte\",\"password\":\"x\"}");
    assertPlatformError(result, 400, "invalid_text");
  }

  @Test
  void shouldAnswerAMissingTokenOnTheAdminApiWith401() {
    assertPlatformError(http.get("/api/v1/admin/users"), 401, "unauthorized");
  }

  @Test
  void shouldAnswerAForgedTokenWith401() {
    assertPlatformError(
        http.get("/api/v1/admin/users", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9."),
        401,
        "unauthorized");
  }

  static void assertPlatformError(HttpResult result, int status, String code) {
    assertThat(result.status()).as(result.toString()).isEqualTo(status);
    assertThat(result.header("Content-Type").orElse("")).startsWith("application/json");
    JsonObject error = result.json().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo(code);
    assertThat(error.getString("message")).isNotBlank();
    assertThat(error.getString("requestId")).isEqualTo(result.header("X-Request-ID").orElseThrow());
    assertThat(result.body())
        .doesNotContain("Exception")
        .doesNotContain("at dev.")
        .doesNotContain("at java.")
        .doesNotContainIgnoringCase("select ")
        .doesNotContain("RESTEASY");
  }
}
