package dev.lectern.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.PrivateLectern;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An access token does not outlive what it stood for: disabling the account, taking a role away,
 * forcing a password reset or signing out everywhere refuses the tokens issued before, within about
 * a second; and the last enabled admin is counted right. On a server of its own, where the test
 * knows every admin there is.
 */
@ExtendWith(PrivateLectern.class)
class AccountTokenRevocationIT {

  private static final String PASSWORD = "correct-horse-battery";
  private static Http http;
  private static String admin;

  @BeforeAll
  static void signIn() {
    http = PrivateLectern.instance().http();
    admin = http.adminToken();
  }

  @Test
  void shouldRefuseTheTokensOfADisabledAccount() throws Exception {
    Account account = create("operator");
    patch(account.id(), "{\"enabled\":false}");
    assertRevoked(account.token());
  }

  @Test
  void shouldRefuseTheTokensOfAnAccountThatLostARole() throws Exception {
    Account account = create("operator");
    patch(account.id(), "{\"roles\":[\"student\"]}");
    assertRevoked(account.token());
  }

  @Test
  void shouldRefuseTheTokensOfAnAccountForcedToResetItsPassword() throws Exception {
    Account account = create("operator");
    HttpResult reset =
        http.postJson("/api/v1/admin/users/" + account.id() + "/password-reset", "{}", admin);
    assertThat(reset.status()).as(reset.toString()).isLessThan(300);
    assertRevoked(account.token());
  }

  @Test
  void shouldRefuseTheCallersTokensAfterSigningOutEverywhere() throws Exception {
    Account account = create("operator");
    HttpResult out = http.postJson("/api/v1/auth/logout-all", "{}", account.token());
    assertThat(out.status()).as(out.toString()).isEqualTo(200);
    assertRevoked(account.token());
    // A client that still sends its revoked token can sign in again.
    HttpResult signIn =
        http.postJson(
            "/api/v1/auth/login",
            dev.lectern.testing.Json.object("username", account.username(), "password", PASSWORD)
                .toString(),
            account.token());
    assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
    String again = http.login(account.username(), PASSWORD);
    assertThat(http.get("/api/v1/admin/users", again).status()).isEqualTo(200);
  }

  @Test
  void shouldLetOneOfExactlyTwoAdminsBeDisabledButNeverTheLast() throws Exception {
    Account second = create("admin");
    HttpResult disabled = patch(second.id(), "{\"enabled\":false}");
    assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
    String firstId = idOf("admin");
    HttpResult last = patch(firstId, "{\"enabled\":false}");
    assertThat(last.status()).as(last.toString()).isEqualTo(409);
    assertThat(last.errorCode()).isEqualTo("last_admin");
    HttpResult demoted = patch(firstId, "{\"roles\":[\"operator\"]}");
    assertThat(demoted.status()).as(demoted.toString()).isEqualTo(409);
    assertThat(http.get("/api/v1/admin/users", admin).status()).isEqualTo(200);
  }

  private record Account(String id, String username, String token) {}

  /** A new account and a token it signed in for. */
  private static Account create(String role) {
    String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
    String id = http.createAccount(admin, username, role, PASSWORD);
    String token = http.login(username, PASSWORD);
    assertThat(http.get("/api/v1/admin/users", token).status()).isEqualTo(200);
    return new Account(id, username, token);
  }

  private static String idOf(String username) {
    return http.get("/api/v1/admin/users?limit=1000", admin).json().getJsonArray("users").stream()
        .map(v -> v.asJsonObject())
        .filter(u -> u.getString("username").equals(username))
        .findFirst()
        .orElseThrow()
        .getString("id");
  }

  private static HttpResult patch(String id, String json) {
    return http.send(
        http.request("/api/v1/admin/users/" + id)
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  private static void assertRevoked(String token) {
    Eventually.within(
        Duration.ofSeconds(5),
        () -> http.get("/api/v1/admin/users", token).status() == 401,
        () -> http.get("/api/v1/admin/users", token).toString());
    assertThat(http.get("/api/v1/admin/users", token).errorCode()).isEqualTo("session_revoked");
  }
}
