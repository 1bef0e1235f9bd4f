package dev.lectern.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.TestEnvironment;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/lectern smoke} against the server under test: it passes on a working deployment with
 * every check a CD pipeline gets (a OneRoster read through a real API key included), and it fails,
 * naming the check, when the admin password is wrong or nothing answers.
 */
class SmokeCheckIT {

  private static final String CORE_SCOPE =
      "https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly";

  /** What the script printed and how it exited. */
  private record Run(int exit, String output) {}

  @Test
  void shouldPassOnAWorkingDeploymentWithEveryCheck() throws Exception {
    Http http = Http.lectern();
    String admin = http.adminToken();
    HttpResult issued =
        http.postJson(
            "/api/v1/admin/api-keys",
            "{\"name\":\"smoke check\",\"scopes\":[\"" + CORE_SCOPE + "\"],\"orgs\":[]}",
            admin);
    assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
    JsonObject key = issued.json();
    try {
      Run run =
          smoke(
              http.baseUrl(),
              Map.of(
                  "LECTERN_ADMIN_PASSWORD", TestEnvironment.adminPassword(),
                  "LECTERN_CLIENT_ID", key.getString("clientId"),
                  "LECTERN_CLIENT_SECRET", key.getString("clientSecret")));
      assertThat(run.exit()).as(run.output()).isZero();
      assertThat(run.output())
          // The readiness checks come in no fixed order.
          .containsPattern("(?m)^ok    ready     .*database UP")
          .contains("ok    version   ")
          .contains("ok    login     admin signed in")
          .contains("ok    oneroster " + key.getString("clientId") + " read orgs")
          .contains("ok    jobs      ")
          .containsPattern("(?m)^(ok  |warn)  backup    ")
          .endsWith("smoke: passed\n");
    } finally {
      http.send(
          http.request("/api/v1/admin/api-keys/" + key.getJsonObject("key").getString("id"))
              .header("Authorization", "Bearer " + admin)
              .DELETE());
    }
  }

  @Test
  void shouldFailNamingTheCheckWhenThePasswordIsWrong() throws Exception {
    Run run =
        smoke(
            Http.lectern().baseUrl(),
            Map.of("LECTERN_ADMIN_PASSWORD", "certainly-not-the-password"));
    assertThat(run.exit()).as(run.output()).isEqualTo(1);
    assertThat(run.output())
        .contains("ok    ready")
        .contains("FAIL  login     admin: HTTP 401 invalid_credentials")
        .contains("skip  oneroster LECTERN_CLIENT_ID and LECTERN_CLIENT_SECRET not set")
        .endsWith("smoke: FAILED: login\n");
  }

  @Test
  void shouldFailWhenNothingAnswers() throws Exception {
    Run run = smoke("http://127.0.0.1:1", Map.of("ADMIN_TOKEN", "not-a-token"));
    assertThat(run.exit()).as(run.output()).isEqualTo(1);
    assertThat(run.output()).contains("FAIL  ready     HTTP 000 (no answer)");
  }

  private static Run smoke(String url, Map<String, String> credentials)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("bin/lectern", "smoke", url)
            .directory(TestEnvironment.projectDir().toFile())
            .redirectErrorStream(true);
    // Only the credentials given here: the test run's own environment holds the admin password.
    for (String name :
        new String[] {
          "LECTERN_ADMIN_PASSWORD",
          "LECTERN_ADMIN_USER",
          "ADMIN_TOKEN",
          "LECTERN_CLIENT_ID",
          "LECTERN_CLIENT_SECRET"
        }) {
      builder.environment().remove(name);
    }
    builder.environment().putAll(credentials);
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("bin/lectern smoke did not end within 60 s");
    }
    return new Run(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
