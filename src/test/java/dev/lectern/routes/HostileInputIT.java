package dev.lectern.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.PrivateLectern;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input on every route never gives a 5xx: bodies empty, malformed, 10,000 levels deep, larger
 * than any request needs or of the wrong type, sent by an admin (who gets furthest into each
 * route); headers naming another host or scheme, as a client behind no proxy could send them.
 * Bodies are never valid requests, so nothing they reach changes anything.
 */
@ExtendWith(PrivateLectern.class)
class HostileInputIT {

  private static final int DEPTH = 10_000;

  /**
   * Operations for which no body, or any JSON object, is a whole request (lock down now; drill the
   * newest backup): they get every mutation but those two, which would do their work.
   */
  private static final Set<String> ANY_OBJECT_IS_A_REQUEST =
      Set.of("POST /api/v1/admin/auth/lockdown", "POST /api/v1/admin/backups/drills");

  private static final Set<String> VALID_FOR_THEM = Set.of("empty", "deep objects");

  private static Http http;
  private static RouteCaller admin;
  private static String publicUrl;
  private static List<RouteOperation> operations;

  @BeforeAll
  static void routes() {
    RouteFixture.Routes routes = RouteFixture.routes();
    http = routes.http();
    publicUrl = PrivateLectern.instance().publicUrl();
    operations = routes.operations();
    admin =
        routes.callers().signIn().stream()
            .filter(c -> c.name().equals("admin"))
            .findFirst()
            .orElseThrow();
  }

  @Test
  void shouldNeverAnswer5xxToAMutatedBody() {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("empty", "");
    bodies.put("malformed", "{\"a\":");
    bodies.put("deep arrays", "[".repeat(DEPTH) + "]".repeat(DEPTH));
    bodies.put("deep objects", "{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH));
    bodies.put("oversized", "{\"username\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}");
    bodies.put("array", "[]");
    bodies.put("string", "\"text\"");
    bodies.put("number", "42");
    bodies.put("boolean", "true");
    SoftAssertions soft = new SoftAssertions();
    for (RouteOperation operation : operations) {
      if (!operation.readsJson()) {
        continue;
      }
      bodies.forEach(
          (name, body) -> {
            if (VALID_FOR_THEM.contains(name)
                && ANY_OBJECT_IS_A_REQUEST.contains(operation.toString())) {
              return;
            }
            HttpResult result = operation.send(http, operation.samplePath(), admin, body);
            soft.assertThat(result.status())
                .as(operation + " with a " + name + " body -> " + abbreviate(result.toString()))
                .isLessThan(500);
          });
    }
    soft.assertAll();
  }

  @Test
  void shouldNeverAnswer5xxToHostsAndForwardedHeadersFromAClient() {
    String self = http.baseUrl().replaceFirst("^https?://", "");
    List<Map<String, String>> headerSets =
        List.of(
            Map.of("Host", "evil.example/<x>"),
            Map.of("Host", "evil.example:99999"),
            Map.of(
                "Host", self,
                "X-Forwarded-Host", "evil.example/<x>",
                "X-Forwarded-Proto", "gopher",
                "X-Forwarded-For", "not-an-address",
                "Forwarded", "for=\"[bad\";proto=gopher;host=\"evil.example/<x>\""),
            Map.of(
                "Host", self,
                "$WSSC", "gopher",
                "$WSSN", "evil.example/<x>",
                "$WSSP", "not-a-port",
                "$WSRA", "not-an-address",
                "$WSIS", "true"));
    SoftAssertions soft = new SoftAssertions();
    for (RouteOperation operation : operations) {
      if (!operation.method().equals("GET")) {
        continue;
      }
      for (Map<String, String> headers : headerSets) {
        Map<String, String> request = new LinkedHashMap<>(headers);
        request.put("Authorization", "Bearer " + admin.token());
        int status = RawHttp.status(http.baseUrl(), "GET", operation.samplePath(), request);
        soft.assertThat(status).as(operation + " with " + headers).isLessThan(500);
      }
    }
    soft.assertAll();
  }

  @Test
  void shouldNeverTakeSchemeHostOrClientAddressFromLibertysPrivateHeaders() {
    HttpResult page =
        http.send(
            http.request("/ims/oneroster/rostering/v1p2/orgs?limit=1")
                .header("Authorization", "Bearer " + admin.token())
                .header("$WSSC", "https")
                .header("$WSSN", "evil.example")
                .header("$WSSP", "8443")
                .header("$WSIS", "true")
                .GET());
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.header("Link"))
        .hasValueSatisfying(
            link -> assertThat(link).doesNotContain("evil.example").startsWith("<" + publicUrl));
    assertThat(page.body()).doesNotContain("evil.example");
  }

  @Test
  void shouldBuildEveryLinkOnThePublicUrlWhateverHostAClientNames() {
    String self = http.baseUrl().replaceFirst("^https?://", "");
    int port = Integer.parseInt(self.substring(self.lastIndexOf(':') + 1));
    for (String host : List.of("evil.example", "evil.example:" + port, self)) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Host", host);
      headers.put("X-Forwarded-Host", "evil.example");
      headers.put("X-Forwarded-Proto", "http");
      headers.put("Authorization", "Bearer " + admin.token());
      String discovery =
          RawHttp.exchange(
              http.baseUrl(),
              "GET",
              "/ims/oneroster/rostering/v1p2/discovery/onerosterv1p2rostersservice_openapi3_v1p0.json",
              headers);
      assertThat(discovery).as(host).doesNotContain("evil.example");
      assertThat(discovery)
          .as(host)
          .contains("\"url\":\"" + publicUrl + "ims/oneroster/rostering/v1p2/\"")
          .contains("\"tokenUrl\":\"" + publicUrl + "oauth/token\"");
      String page =
          RawHttp.exchange(
              http.baseUrl(), "GET", "/ims/oneroster/rostering/v1p2/orgs?limit=1", headers);
      assertThat(page).as(host).doesNotContain("evil.example").contains("<" + publicUrl + "ims/");
    }
  }

  @Test
  void shouldRefuseNumbersAndTimesNoClientMeansWith400() {
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("/api/v1/admin/audit-logs?offset=99999999999", "invalid_parameter");
    refused.put("/api/v1/admin/users?limit=%D9%A1%D9%A2", "invalid_parameter");
    refused.put("/api/v1/admin/jobs?since=%2B294277-01-01T00:00:00Z", "invalid_parameter");
    refused.put("/api/v1/admin/audit-logs?until=-4713-01-01T00:00:00Z", "invalid_parameter");
    String users = "/ims/oneroster/rostering/v1p2/users?";
    refused.put(users + "limit=%D9%A1%D9%A2", "invaliddata");
    refused.put(
        users + "filter=" + encode("dateLastModified>'+294277-01-01T00:00:00Z'"), "invaliddata");
    refused.put(users + "filter=" + encode("dateLastModified>'+999999999-01-01'"), "invaliddata");
    refused.put(
        "/ims/oneroster/rostering/v1p2/demographics?filter=" + encode("birthDate<'-4713-01-01'"),
        "invaliddata");
    SoftAssertions soft = new SoftAssertions();
    refused.forEach(
        (path, code) -> {
          HttpResult result = http.get(path, admin.token());
          soft.assertThat(result.status()).as(path + " -> " + result).isEqualTo(400);
          soft.assertThat(result.body()).as(path).contains(code);
        });
    soft.assertAll();
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void shouldRefuseAFiftyMegabyteSignInBeforeReadingIt() {
    // No body follows the headers: a server that waited to read it would time out instead.
    int status =
        RawHttp.status(
            http.baseUrl(),
            "POST",
            "/api/v1/auth/login",
            Map.of("Content-Type", "application/json", "Content-Length", "52428800"));
    assertThat(status).isEqualTo(413);
  }

  @Test
  void shouldRefuseOversizedBodiesSentWithoutALength() {
    // Chunked, so no Content-Length tells the size up front: the limit must stop the reading,
    // whichever reader reads the body (a record for sign-in, a JSON object for roster writes).
    String big = "a".repeat(3_000_000);
    HttpResult signIn =
        http.send(
            chunked(
                http.request("/api/v1/auth/login"),
                "POST",
                "{\"username\":\"" + big + "\",\"password\":\"x\"}"));
    assertThat(signIn.status()).as(signIn.toString()).isEqualTo(413);
    assertThat(signIn.errorCode()).isEqualTo("payload_too_large");
    HttpResult write =
        http.send(
            chunked(
                    http.request("/api/v1/admin/roster/orgs/hostile-big"),
                    "PUT",
                    "{\"name\":\"" + big + "\",\"type\":\"school\"}")
                .header("Authorization", "Bearer " + admin.token()));
    assertThat(write.status()).as(write.toString()).isEqualTo(413);
    assertThat(write.errorCode()).isEqualTo("payload_too_large");
  }

  private static HttpRequest.Builder chunked(
      HttpRequest.Builder request, String method, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    // HTTP/1.1 chunked, as curl and most clients send a body of unknown length (not an h2c
    // upgrade, which Liberty reads differently).
    return request
        .version(HttpClient.Version.HTTP_1_1)
        .header("Content-Type", "application/json")
        .method(
            method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
