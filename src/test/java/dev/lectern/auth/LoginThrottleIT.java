package dev.lectern.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.Json;
import dev.lectern.testing.PrivateLectern;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Failed sign-ins slow their source and never tell which accounts exist: with the production limits
 * (5 failures a minute per address and account, 30 in five minutes per address), an unknown name
 * and an existing one answer alike, a username and its email share one count, spraying many names
 * from one address is stopped, and no account is locked for other addresses. Each test signs in
 * from addresses of its own, named by the trusted local proxy.
 */
@ExtendWith(PrivateLectern.class)
class LoginThrottleIT {

  private static final String PASSWORD = "correct-horse-battery";
  private static final AtomicInteger ADDRESSES = new AtomicInteger();
  private static Http http;
  private static String admin;

  @BeforeAll
  static void signIn() {
    http = PrivateLectern.instance().http();
    admin = http.adminToken();
  }

  @Test
  void shouldAnswerAnUnknownNameExactlyLikeAnExistingOne() {
    String existing = account();
    List<String> known = answers(existing, address());
    List<String> unknown = answers("nobody-" + UUID.randomUUID(), address());
    assertThat(known).isEqualTo(unknown);
    assertThat(known)
        .containsExactly(
            "401 invalid_credentials",
            "401 invalid_credentials",
            "401 invalid_credentials",
            "401 invalid_credentials",
            "401 invalid_credentials",
            "429 rate_limited");
  }

  @Test
  void shouldCountAUsernameAndItsEmailTogether() {
    String user = account();
    String from = address();
    for (int attempt = 0; attempt < 5; attempt++) {
      String name = attempt % 2 == 0 ? user : user + "@example.test";
      assertThat(login(name, "a-wrong-password", from).status()).isEqualTo(401);
    }
    assertThat(login(user + "@example.test", PASSWORD, from).status()).isEqualTo(429);
  }

  @Test
  void shouldStopPasswordSprayingFromOneAddressButLetOthersSignIn() {
    String from = address();
    int refused = 0;
    for (int attempt = 0; attempt < 40; attempt++) {
      String name = "sprayed-" + (attempt % 25) + "-" + UUID.randomUUID();
      if (login(name, "Summer2026!", from).status() == 429) {
        refused++;
      }
    }
    assertThat(refused).as("refusals among 40 failed sign-ins over 25 names").isEqualTo(10);
    String user = account();
    assertThat(login(user, PASSWORD, from).status()).isEqualTo(429);
    assertThat(login(user, PASSWORD, address()).status()).isEqualTo(200);
  }

  @Test
  void shouldNeverLockAnAccountForOtherAddresses() {
    String user = account();
    String attacker = address();
    for (int attempt = 0; attempt < 6; attempt++) {
      login(user, "a-wrong-password", attacker);
    }
    assertThat(login(user, PASSWORD, attacker).status()).isEqualTo(429);
    assertThat(login(user, PASSWORD, address()).status()).isEqualTo(200);
  }

  private static List<String> answers(String name, String from) {
    List<String> answers = new ArrayList<>();
    for (int attempt = 0; attempt < 6; attempt++) {
      HttpResult result = login(name, attempt < 5 ? "a-wrong-password" : PASSWORD, from);
      answers.add(result.status() + " " + result.errorCode());
    }
    return answers;
  }

  private static HttpResult login(String name, String password, String from) {
    return http.send(
        http.request("/api/v1/auth/login")
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", from)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Json.object("username", name, "password", password).toString())));
  }

  private static String account() {
    String username = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
    http.createAccount(admin, username, "operator", PASSWORD);
    return username;
  }

  /** A client address no other sign-in of this run uses, from the documentation range. */
  private static String address() {
    return "198.51.100." + ADDRESSES.incrementAndGet();
  }
}
