package dev.lectern.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.Json;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Password reset through a real SMTP exchange: the server under test mails to a GreenMail server in
 * this JVM ({@code SMTP_PORT} of the test run), and the token is read from the mail.
 */
class PasswordResetIT {

  private static final Http HTTP = Http.lectern();
  private static final Pattern TOKEN = Pattern.compile("\\n\\n([A-Za-z0-9_-]{43})\\n\\n");
  private static GreenMail smtp;
  private static String admin;

  @BeforeAll
  static void startSmtp() {
    smtp =
        new GreenMail(
            new ServerSetup(Integer.parseInt(System.getenv("SMTP_PORT")), "127.0.0.1", "smtp"));
    smtp.start();
    admin = HTTP.adminToken();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @Test
  void shouldResetByMailOnceAndEndSessions() throws Exception {
    String user = "reset-" + UUID.randomUUID().toString().substring(0, 8);
    String email = user + "@school.example";
    create(user, email, "the-first-password");
    HttpResult session = login(user, "the-first-password");
    String refresh = session.json().getString("refreshToken");

    HttpResult requested =
        HTTP.postJson("/api/v1/auth/password-reset", Json.object("username", email).toString());
    assertThat(requested.status()).isEqualTo(202);
    String token = tokenMailedTo(email);

    HttpResult weak = confirm(token, "short");
    assertThat(weak.status()).isEqualTo(422);
    assertThat(confirm(token, "the-second-password").status()).isEqualTo(204);
    assertThat(confirm(token, "the-third-password!").errorCode()).isEqualTo("invalid_token");

    assertThat(login(user, "the-first-password").status()).isEqualTo(401);
    assertThat(login(user, "the-second-password").status()).isEqualTo(200);
    assertThat(
            HTTP.postJson("/api/v1/auth/refresh", Json.object("refreshToken", refresh).toString())
                .status())
        .isEqualTo(401);
  }

  @Test
  void shouldAnswerTheSameForUnknownAccountsAndSendNothing() throws Exception {
    int before = smtp.getReceivedMessages().length;
    HttpResult unknown =
        HTTP.postJson(
            "/api/v1/auth/password-reset",
            Json.object("username", "nobody-" + UUID.randomUUID()).toString());
    assertThat(unknown.status()).isEqualTo(202);
    assertThat(unknown.body()).contains("If the account exists");
    Thread.sleep(1000);
    assertThat(smtp.getReceivedMessages()).hasSize(before);
    assertThat(confirm("made-up-token", "a-perfectly-good-password").errorCode())
        .isEqualTo("invalid_token");
  }

  @Test
  void shouldLetAdminsForceAResetAndDisableAccounts() throws Exception {
    String user = "forced-" + UUID.randomUUID().toString().substring(0, 8);
    String email = user + "@school.example";
    String id = create(user, email, "the-first-password");
    HttpResult forced =
        HTTP.send(
            HTTP.request("/api/v1/admin/users/" + id + "/password-reset")
                .header("Authorization", "Bearer " + admin)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertThat(forced.status()).as(forced.toString()).isEqualTo(202);
    assertThat(login(user, "the-first-password").status()).isEqualTo(401);
    assertThat(confirm(tokenMailedTo(email), "the-new-password").status()).isEqualTo(204);
    assertThat(login(user, "the-new-password").status()).isEqualTo(200);

    HTTP.disableAccount(admin, id);
    assertThat(login(user, "the-new-password").status()).isEqualTo(401);
  }

  private static String tokenMailedTo(String email) throws Exception {
    Eventually.within(
        Duration.ofSeconds(10),
        () -> Arrays.stream(smtp.getReceivedMessages()).anyMatch(m -> recipient(m).equals(email)),
        () -> "no mail to " + email);
    MimeMessage mail =
        Arrays.stream(smtp.getReceivedMessages())
            .filter(m -> recipient(m).equals(email))
            .reduce((first, second) -> second)
            .orElseThrow();
    Matcher token = TOKEN.matcher(mail.getContent().toString().replace("\r\n", "\n"));
    assertThat(token.find()).as("token in the mail").isTrue();
    return token.group(1);
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (Exception e) {
      return "";
    }
  }

  private static String create(String user, String email, String password) {
    String body =
        email == null
            ? Json.object("username", user, "password", password).toString()
            : Json.object("username", user, "email", email, "password", password).toString();
    body = body.substring(0, body.length() - 1) + ",\"roles\":[\"operator\"]}";
    HttpResult created = HTTP.postJson("/api/v1/admin/users", body, admin);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().getString("id");
  }

  private static HttpResult login(String user, String password) {
    return HTTP.postJson(
        "/api/v1/auth/login", Json.object("username", user, "password", password).toString());
  }

  private static HttpResult confirm(String token, String password) {
    return HTTP.postJson(
        "/api/v1/auth/password-reset/confirm",
        Json.object("token", token, "newPassword", password).toString());
  }
}
