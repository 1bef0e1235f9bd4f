package dev.lectern.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * What {@link ControlPlaneIT} checks of access rules: a network denied on one replica gets 403 on
 * the other within 2 s on every path the server answers, Liberty's own endpoints included, while
 * other addresses are served; lifting the rule lets it in again. Requests come from 127.0.0.2 over
 * a plain socket bound to that address (the JDK's HttpClient cannot choose its local address).
 */
final class AccessRuleChecks {

  private static final String RULES = "/api/v1/admin/access-rules";
  private static final String DENIED = "127.0.0.2";
  private static final Duration FOLLOWED = Duration.ofSeconds(2);

  /** Lectern's API, Liberty's metrics, health and OpenAPI endpoints, and a path nobody serves. */
  private static final List<String> PATHS =
      List.of("/api/v1/health", "/metrics", "/health/ready", "/openapi", "/no-such-path");

  private AccessRuleChecks() {}

  static void deniedNetworkIsRefusedEverywhere(Http one, Http two, String admin) {
    for (String path : PATHS) {
      assertThat(from(DENIED, two, path).status()).as(path + " before").isNotEqualTo(403);
    }
    refusesRulesThatCannotHold(one, admin);

    HttpResult denied =
        one.postJson(RULES, "{\"cidr\":\"127.0.0.2/32\",\"reason\":\"scraper\"}", admin);
    assertThat(denied.status()).as(denied.toString()).isEqualTo(201);
    assertThat(one.postJson(RULES, "{\"cidr\":\"127.0.0.2\"}", admin).errorCode())
        .as("the same range written another way")
        .isEqualTo("rule_exists");
    Duration seen =
        Eventually.within(
            FOLLOWED,
            () -> from(DENIED, two, "/api/v1/health").status() == 403,
            () -> "the other replica still serves " + DENIED);
    System.out.printf("denied network refused by the other replica after %d ms%n", seen.toMillis());
    for (Http replica : List.of(one, two)) {
      for (String path : PATHS) {
        HttpResult refused = from(DENIED, replica, path);
        assertThat(refused.status()).as(path).isEqualTo(403);
        assertThat(refused.body()).as(path).contains("\"code\":\"network_denied\"");
      }
      assertThat(replica.get("/api/v1/health").status()).isEqualTo(200);
      assertThat(replica.get("/metrics").status()).isEqualTo(200);
    }
    HttpResult spoofed =
        two.send(two.request("/api/v1/health").header("X-Forwarded-For", DENIED).GET());
    assertThat(spoofed.status())
        .as("X-Forwarded-For counts only from a trusted proxy")
        .isEqualTo(200);
    assertThat(two.get("/metrics").body()).contains("lectern_access_denied_total");

    long id = denied.json().getJsonNumber("id").longValue();
    HttpResult lifted =
        one.send(
            one.request(RULES + "/" + id + "?reason=blocked%20upstream")
                .header("Authorization", "Bearer " + admin)
                .DELETE());
    assertThat(lifted.status()).as(lifted.toString()).isEqualTo(204);
    Eventually.within(
        FOLLOWED,
        () -> from(DENIED, two, "/metrics").status() == 200,
        () -> "the other replica still refuses " + DENIED);
    for (String action : List.of("access.deny", "access.allow")) {
      assertThat(one.get("/api/v1/admin/audit-logs?action=" + action, admin).body())
          .as(action)
          .contains("127.0.0.2/32")
          .contains("\"actor\":\"admin\"");
    }
  }

  private static void refusesRulesThatCannotHold(Http one, String admin) {
    for (String cidr : List.of("10.0.0.0/7", "not-an-address", "10.0.0.1,10.0.0.2", "::/16")) {
      HttpResult refused = one.postJson(RULES, "{\"cidr\":\"" + cidr + "\"}", admin);
      assertThat(refused.status()).as(cidr).isEqualTo(422);
    }
    HttpResult self = one.postJson(RULES, "{\"cidr\":\"127.0.0.0/8\"}", admin);
    assertThat(self.errorCode())
        .as("a rule that would lock its author out")
        .isEqualTo("denies_caller");
    assertThat(one.postJson(RULES, "{\"cidr\":\"::1\"}", admin).errorCode())
        .as("local health checks")
        .isEqualTo("denies_infrastructure");
    assertThat(one.get(RULES, admin).body()).isEqualTo("[]");
  }

  /** A GET sent from {@code local} over a plain HTTP/1.1 socket. */
  private static HttpResult from(String local, Http server, String path) {
    URI base = URI.create(server.baseUrl());
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(local, 0));
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 2_000);
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: "
                  + base.getAuthority()
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(response.substring(9, 12));
      int bodyStart = response.indexOf("\r\n\r\n");
      return new HttpResult(
          status,
          java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true),
          bodyStart < 0 ? "" : response.substring(bodyStart + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
