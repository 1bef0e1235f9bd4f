package dev.lectern.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.LecternServer;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SecurityHeadersIT {

  private final Http http = Http.lectern();

  @Test
  void shouldSendSecurityHeadersOnSuccessesAndErrors() {
    for (HttpResult result :
        new HttpResult[] {
          http.get("/healthz"), http.get("/api/v1/missing"), http.get("/api/v1/admin/users")
        }) {
      assertThat(result.header("X-Content-Type-Options")).as(result.toString()).contains("nosniff");
      assertThat(result.header("X-Frame-Options")).contains("DENY");
      assertThat(result.header("Referrer-Policy")).contains("no-referrer");
      assertThat(result.header("Content-Security-Policy").orElse(""))
          .contains("default-src 'none'");
      assertThat(result.header("X-Request-ID")).isPresent();
      // Plain HTTP: HSTS is only sent over HTTPS, where browsers honour it.
      assertThat(result.header("Strict-Transport-Security")).isEmpty();
    }
  }

  @Test
  void shouldSendTheBasicSecurityHeadersOnLibertysOwnEndpointsAndErrorPages() {
    for (String path :
        new String[] {"/metrics", "/openapi", "/health/ready", "/health/live", "/a%2Fb"}) {
      HttpResult result = http.get(path);
      assertThat(result.header("X-Content-Type-Options")).as(path).contains("nosniff");
      assertThat(result.header("X-Frame-Options")).as(path).contains("DENY");
      assertThat(result.header("Referrer-Policy")).as(path).contains("no-referrer");
      assertThat(result.header("$WSEP")).as(path).isEmpty();
    }
    HttpResult metrics =
        http.send(http.request("/metrics").header("Origin", "https://evil.example").GET());
    assertThat(metrics.header("Access-Control-Allow-Credentials")).as("/metrics").isEmpty();
  }

  @Test
  void shouldServeTheOpenApiUiWithEveryScriptAndStyleItNamesUnderAPolicyThatAllowsThem() {
    HttpResult page = http.get("/openapi/ui/");
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    String policy = page.header("Content-Security-Policy").orElse("");
    assertThat(policy).contains("default-src 'self'");
    assertThat(page.header("X-Frame-Options")).contains("DENY");
    Matcher assets =
        Pattern.compile("(?:src|href)=\"([^\"]+\\.(?:js|css)[^\"]*)\"").matcher(page.body());
    int found = 0;
    while (assets.find()) {
      String asset = assets.group(1);
      assertThat(asset).as("served by Lectern itself ('self')").doesNotContain("//");
      String path = URI.create(http.baseUrl() + "/openapi/ui/").resolve(asset).getRawPath();
      assertThat(http.get(path).status()).as(asset).isEqualTo(200);
      found++;
    }
    assertThat(found).as("scripts and styles of the page").isPositive();
    if (page.body().contains("<script>") || page.body().contains("<script type")) {
      assertThat(policy).as("inline scripts allowed").contains("script-src 'self' 'unsafe-inline'");
    }
    assertThat(http.get("/api/v1/health").header("Content-Security-Policy"))
        .hasValueSatisfying(api -> assertThat(api).contains("default-src 'none'"));
  }

  @Test
  void shouldSendHstsOverHttps() throws Exception {
    javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
    trustAll.init(
        null,
        new javax.net.ssl.TrustManager[] {
          new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {}

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {}

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
              return new java.security.cert.X509Certificate[0];
            }
          }
        },
        null);
    // The test server's certificate is Liberty's self-signed default; only the header matters.
    java.net.http.HttpClient client =
        java.net.http.HttpClient.newBuilder().sslContext(trustAll).build();
    java.net.http.HttpResponse<String> response =
        client.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        "https://localhost:" + System.getenv("HTTPS_PORT") + "/healthz"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Strict-Transport-Security").orElse(""))
        .startsWith("max-age=");
  }

  @Test
  void shouldRefuseCrossOriginCallsByDefault() {
    HttpResult result =
        http.send(http.request("/api/v1/health").header("Origin", "https://evil.example").GET());
    assertThat(result.header("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void shouldAllowOnlyConfiguredOriginsOnASecondServerOnTheSameDatabase() {
    try (LecternServer server =
        new LecternServer("cors")
            .with("CORS_ALLOWED_ORIGINS", "https://lms.example.test, https://app.example.test")
            .start()
            .awaitReady()) {
      Http second = server.http();
      HttpResult preflight =
          second.send(
              second
                  .request("/api/v1/admin/users")
                  .header("Origin", "https://lms.example.test")
                  .header("Access-Control-Request-Method", "GET")
                  .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
      assertThat(preflight.status()).isEqualTo(204);
      assertThat(preflight.header("Access-Control-Allow-Origin"))
          .contains("https://lms.example.test");
      assertThat(preflight.header("Access-Control-Allow-Headers").orElse(""))
          .contains("Authorization");

      HttpResult other =
          second.send(
              second.request("/api/v1/health").header("Origin", "https://evil.example").GET());
      assertThat(other.header("Access-Control-Allow-Origin")).isEmpty();

      // A token from the first server is accepted by the second: both publish the same keys.
      String token = http.adminToken();
      assertThat(second.get("/api/v1/admin/users", token).status()).isEqualTo(200);
    }
  }
}
