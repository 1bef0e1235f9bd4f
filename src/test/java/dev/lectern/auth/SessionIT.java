package dev.lectern.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Refresh-token rotation, reuse detection, logout and logout-all for one account of its own. */
class SessionIT {

  private static final Http HTTP = Http.lectern();
  private static final String PASSWORD = "session-it-" + UUID.randomUUID();
  private static String username;

  @BeforeAll
  static void createAccount() {
    username = "session-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResult created =
        HTTP.postJson(
            "/api/v1/admin/users",
            "{\"username\":\""
                + username
                + "\",\"password\":\""
                + PASSWORD
                + "\",\"roles\":[\"operator\"]}",
            HTTP.adminToken());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
  }

  @Test
  void shouldRotateAndRevokeTheFamilyWhenATokenIsReused() {
    JsonObject login = login();
    String first = login.getString("refreshToken");
    JsonObject refreshed = refresh(first).json();
    String second = refreshed.getString("refreshToken");
    assertThat(second).isNotEqualTo(first);
    assertThat(HTTP.get("/api/v1/admin/users", refreshed.getString("accessToken")).status())
        .isEqualTo(200);

    HttpResult reused = refresh(first);
    assertThat(reused.status()).isEqualTo(401);
    assertThat(reused.errorCode()).isEqualTo("refresh_token_reused");
    // The thief's copy and the owner's current token belong to one family: both are dead now.
    assertThat(refresh(second).errorCode()).isEqualTo("invalid_refresh_token");
    HttpResult audit =
        HTTP.get(
            "/api/v1/admin/audit-logs?action=auth.refresh_reuse&actor=" + username,
            HTTP.adminToken());
    assertThat(audit.json().getJsonArray("auditLogs")).hasSize(1);
  }

  @Test
  void shouldEndOneSessionOnLogout() {
    String mine = login().getString("refreshToken");
    String other = login().getString("refreshToken");
    HttpResult logout =
        HTTP.postJson("/api/v1/auth/logout", Json.object("refreshToken", mine).toString());
    assertThat(logout.status()).isEqualTo(204);
    assertThat(refresh(mine).status()).isEqualTo(401);
    assertThat(refresh(other).status()).isEqualTo(200);
  }

  @Test
  void shouldEndEverySessionOnLogoutAll() {
    String one = login().getString("refreshToken");
    JsonObject two = login();
    HttpResult all =
        HTTP.send(
            HTTP.request("/api/v1/auth/logout-all")
                .header("Authorization", "Bearer " + two.getString("accessToken"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(all.status()).as(all.toString()).isEqualTo(200);
    assertThat(all.json().getJsonNumber("endedSessions").longValue()).isGreaterThanOrEqualTo(2);
    assertThat(refresh(one).status()).isEqualTo(401);
    assertThat(refresh(two.getString("refreshToken")).status()).isEqualTo(401);
    HttpResult anonymous =
        HTTP.send(
            HTTP.request("/api/v1/auth/logout-all").POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(anonymous.status()).isEqualTo(401);
  }

  @Test
  void shouldRefuseUnknownAndMalformedTokens() {
    assertThat(refresh("not-a-token").errorCode()).isEqualTo("invalid_refresh_token");
    assertThat(HTTP.postJson("/api/v1/auth/refresh", "{}").status()).isEqualTo(422);
  }

  private static JsonObject login() {
    HttpResult result =
        HTTP.postJson(
            "/api/v1/auth/login",
            Json.object("username", username, "password", PASSWORD).toString());
    assertThat(result.status()).as(result.toString()).isEqualTo(200);
    assertThat(result.json().getString("refreshToken")).isNotBlank();
    return result.json();
  }

  private static HttpResult refresh(String token) {
    return HTTP.postJson("/api/v1/auth/refresh", Json.object("refreshToken", token).toString());
  }
}
