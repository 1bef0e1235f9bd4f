package dev.lectern.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.Json;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.Sql;
import dev.lectern.testing.TestEnvironment;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A lockdown ends every session, token and API key; on a database of its own. */
class LockdownIT {

  private static LecternServer server;
  private static Http http;

  @BeforeAll
  static void startServer() throws Exception {
    server =
        new LecternServer("lockdown")
            .with("DB_URL", Sql.createDatabase("lockdown"))
            .with("REDIS_KEY_PREFIX", TestEnvironment.redisKeyPrefix() + "lockdown:")
            .start()
            .awaitReady();
    http = server.http();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void shouldEndSessionsTokensAndApiKeysAndLetAdminsSignInAgain() throws Exception {
    HttpResult login = login();
    String access = login.json().getString("accessToken");
    String refresh = login.json().getString("refreshToken");
    HttpResult key =
        http.postJson(
            "/api/v1/admin/api-keys",
            "{\"name\":\"lms\",\"scopes\":"
                + "[\"https://purl.imsglobal.org/spec/or/v1p2/scope/roster-core.readonly\"]}",
            access);
    assertThat(key.status()).as(key.toString()).isEqualTo(201);
    String clientToken =
        http.send(
                http.request("/oauth/token")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "grant_type=client_credentials&client_id="
                                + key.json().getString("clientId")
                                + "&client_secret="
                                + URLEncoder.encode(
                                    key.json().getString("clientSecret"), StandardCharsets.UTF_8))))
            .json()
            .getString("access_token");
    assertThat(http.get("/ims/oneroster/rostering/v1p2/orgs", clientToken).status()).isEqualTo(200);

    // A token issued in the lockdown's own second, just before it, is refused too.
    startOfASecond();
    access = login().json().getString("accessToken");
    HttpResult lockdown =
        http.postJson("/api/v1/admin/auth/lockdown", "{\"apiKeys\":true}", access);
    assertThat(lockdown.status()).as(lockdown.toString()).isEqualTo(200);
    assertThat(lockdown.json().getJsonNumber("endedSessions").longValue()).isPositive();
    assertThat(lockdown.json().getInt("revokedApiKeys")).isEqualTo(1);

    HttpResult refused = http.get("/api/v1/admin/users", access);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.errorCode()).isEqualTo("session_revoked");
    assertThat(
            http.postJson("/api/v1/auth/refresh", Json.object("refreshToken", refresh).toString())
                .status())
        .isEqualTo(401);
    assertThat(http.get("/ims/oneroster/rostering/v1p2/orgs", clientToken).status()).isEqualTo(401);

    // Signing in right after the lockdown, in its own second, works.
    String again = login().json().getString("accessToken");
    assertThat(http.get("/api/v1/admin/users", again).status()).isEqualTo(200);
    HttpResult audit = http.get("/api/v1/admin/audit-logs?action=auth.lockdown", again);
    assertThat(audit.json().getJsonArray("auditLogs")).hasSize(1);
  }

  /** Waits for a new second of the clock, so that the next few steps share one second. */
  private static void startOfASecond() throws InterruptedException {
    Thread.sleep(1000 - System.currentTimeMillis() % 1000);
  }

  private static HttpResult login() {
    HttpResult result =
        http.postJson(
            "/api/v1/auth/login",
            Json.object("username", "admin", "password", TestEnvironment.adminPassword())
                .toString());
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
    return result;
  }
}
