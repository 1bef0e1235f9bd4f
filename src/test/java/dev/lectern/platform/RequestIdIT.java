package dev.lectern.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdIT {

  private final Http http = Http.lectern();

  @Test
  void shouldGenerateAnIdWhenNoneIsSent() {
    HttpResult result = http.get("/healthz");
    String id = result.header("X-Request-ID").orElseThrow();
    assertThat(UUID.fromString(id)).isNotNull();
  }

  @Test
  void shouldKeepASaneIncomingId() {
    String id = "lms-sync.2026-11-23_" + "a".repeat(100);
    HttpResult result = http.send(http.request("/healthz").header("X-Request-ID", id).GET());
    assertThat(result.header("X-Request-ID")).contains(id);
  }

  @Test
  void shouldReplaceAnIdThatIsTooLongOrHasOtherCharacters() {
    for (String bad : new String[] {"a".repeat(129), "abc def", "id<script>", "x\u00e9"}) {
      HttpResult result = http.send(http.request("/healthz").header("X-Request-ID", bad).GET());
      String id = result.header("X-Request-ID").orElseThrow();
      assertThat(id).isNotEqualTo(bad);
      assertThat(UUID.fromString(id)).isNotNull();
    }
  }

  @Test
  void shouldPutTheIdInErrorBodies() {
    String id = "trace-" + UUID.randomUUID();
    HttpResult result =
        http.send(http.request("/api/v1/no-such-thing").header("X-Request-ID", id).GET());
    assertThat(result.status()).isEqualTo(404);
    assertThat(result.json().getJsonObject("error").getString("requestId")).isEqualTo(id);
  }

  @Test
  void shouldPutTheIdInApplicationLogLinesAndTheAccessLog() {
    String id = "log-" + UUID.randomUUID();
    http.send(
        http.request("/api/v1/auth/login")
            .header("X-Request-ID", id)
            .header("Content-Type", "application/json")
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    dev.lectern.testing.Json.object("username", "nobody-" + id, "password", "x")
                        .toString())));
    Path messages = messagesLog();
    Eventually.within(
        Duration.ofSeconds(10),
        () ->
            lines(messages)
                .anyMatch(
                    l ->
                        l.contains("Login refused")
                            && l.contains("\"ext_requestId\":\"" + id + "\"")),
        () -> "no application log line with ext_requestId " + id);
    awaitLine(
        messages,
        l -> l.contains("\"type\":\"liberty_accesslog\"") && l.contains(id),
        "no access log line with " + id);
  }

  @Test
  void shouldNeverWriteAQueryStringSuchAsATokenToTheAccessLog() {
    String id = "query-" + java.util.UUID.randomUUID();
    String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJub2JvZHkifQ.c2lnbmF0dXJl";
    http.send(
        http.request("/api/v1/health?access_token=" + token).header("X-Request-ID", id).GET());
    Path messages = messagesLog();
    awaitLine(
        messages,
        l ->
            l.contains("\"type\":\"liberty_accesslog\"")
                && l.contains(id)
                && l.contains("\"ibm_uriPath\""),
        "no access log line with " + id);
    assertThat(lines(messages).filter(l -> l.contains(id))).noneMatch(l -> l.contains(token));
  }

  private static void awaitLine(
      Path messages, java.util.function.Predicate<String> line, String missing) {
    Eventually.within(Duration.ofSeconds(10), () -> lines(messages).anyMatch(line), () -> missing);
  }

  private static Path messagesLog() {
    return TestEnvironment.libertyDir()
        .resolve("usr/servers")
        .resolve(TestEnvironment.serverName())
        .resolve("logs/messages.log");
  }

  private static java.util.stream.Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      return java.util.stream.Stream.empty();
    }
  }
}
