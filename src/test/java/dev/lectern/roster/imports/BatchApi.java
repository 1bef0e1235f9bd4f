package dev.lectern.roster.imports;

import dev.lectern.testing.HttpResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Liberty's {@code /ibm/api} answers on HTTPS only, with the test server's self-signed certificate:
 * this client trusts it for that one purpose.
 */
final class BatchApi {

  private BatchApi() {}

  /** GET with an {@code Authorization} header value (Basic or Bearer), or none. */
  static HttpResult get(int httpsPort, String path, String authorization) throws Exception {
    return send(httpsPort, path, authorization, HttpRequest.BodyPublishers.noBody(), "GET", null);
  }

  /** GET with a {@code Cookie} header, as a signed-in browser sends it. */
  static HttpResult getWithCookie(int httpsPort, String path, String cookie) throws Exception {
    return send(httpsPort, path, null, HttpRequest.BodyPublishers.noBody(), "GET", cookie);
  }

  /** POST of a JSON body. */
  static HttpResult post(int httpsPort, String path, String authorization, String json)
      throws Exception {
    return send(
        httpsPort, path, authorization, HttpRequest.BodyPublishers.ofString(json), "POST", null);
  }

  private static HttpResult send(
      int httpsPort,
      String path,
      String authorization,
      HttpRequest.BodyPublisher body,
      String method,
      String cookie)
      throws Exception {
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, new TrustManager[] {new TrustAll()}, null);
    SSLParameters parameters = new SSLParameters();
    parameters.setEndpointIdentificationAlgorithm(null);
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(ssl)
            .sslParameters(parameters)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + path))
            .header("Content-Type", "application/json")
            .method(method, body);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return HttpResult.of(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
  }

  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
