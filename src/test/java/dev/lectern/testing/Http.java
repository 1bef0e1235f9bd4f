package dev.lectern.testing;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for one Lectern server. */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;

  public Http(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  private static volatile boolean lecternReady;

  /**
   * The server under test, once it is ready: the build starts it without waiting for its
   * migrations, as Kubernetes would, so the first test to ask waits for readiness.
   */
  public static Http lectern() {
    Http http = new Http(TestEnvironment.baseUrl());
    if (!lecternReady) {
      Eventually.within(
          java.time.Duration.ofSeconds(60),
          () -> http.get("/health/ready").status() == 200,
          () -> http.get("/health/ready").toString());
      lecternReady = true;
    }
    return http;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
  }

  public HttpResult get(String path) {
    return send(request(path).GET());
  }

  public HttpResult get(String path, String token) {
    return send(request(path).header("Authorization", "Bearer " + token).GET());
  }

  public HttpResult postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResult postJson(String path, String json, String token) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResult send(HttpRequest.Builder request) {
    try {
      return HttpResult.of(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Logs in and returns the access token; fails the test when login fails. */
  public String login(String username, String password) {
    HttpResult result =
        postJson(
            "/api/v1/auth/login",
            Json.object("username", username, "password", password).toString());
    if (result.status() != 200) {
      throw new AssertionError("login of " + username + " failed: " + result);
    }
    JsonObject body = result.json();
    return body.getString("accessToken");
  }

  /**
   * Creates a platform account with one role (its email {@code <username>@example.test}) and
   * answers its id; fails the test unless it is created.
   */
  public String createAccount(String adminToken, String username, String role, String password) {
    HttpResult created =
        postJson(
            "/api/v1/admin/users",
            jakarta.json.Json.createObjectBuilder()
                .add("username", username)
                .add("email", username + "@example.test")
                .add("password", password)
                .add("roles", jakarta.json.Json.createArrayBuilder().add(role))
                .build()
                .toString(),
            adminToken);
    if (created.status() != 201) {
      throw new AssertionError("account " + username + " not created: " + created);
    }
    return created.json().getString("id");
  }

  /** Disables a platform account (which ends its sessions); fails the test unless it is. */
  public void disableAccount(String adminToken, String id) {
    HttpResult disabled =
        send(
            request("/api/v1/admin/users/" + id)
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")));
    if (disabled.status() != 200) {
      throw new AssertionError("account " + id + " not disabled: " + disabled);
    }
  }

  /** A token for the first admin created from LECTERN_ADMIN_PASSWORD. */
  public String adminToken() {
    return login("admin", TestEnvironment.adminPassword());
  }
}
