package dev.lectern.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.LecternServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A rotation on two replicas: the new key is published first and signs after the lead time (3 s in
 * the test run), and tokens signed by the old key keep working everywhere.
 */
class KeyRotationIT {

  private static final Http HTTP = Http.lectern();

  @Test
  void shouldRotateWithoutLoggingAnyoneOut() {
    String before = HTTP.adminToken();
    String oldKid = kid(before);
    try (LecternServer second = new LecternServer("keys").start().awaitReady()) {
      HttpResult rotated =
          HTTP.send(
              HTTP.request("/api/v1/admin/auth/keys/rotate")
                  .header("Authorization", "Bearer " + before)
                  .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
      assertThat(rotated.status()).as(rotated.toString()).isEqualTo(202);
      String newKid = rotated.json().getString("kid");
      assertThat(newKid).isNotEqualTo(oldKid);
      assertThat(rotated.json().getString("state")).isEqualTo("next");

      // Published on every replica before it signs anything.
      for (Http replica : new Http[] {HTTP, second.http()}) {
        Eventually.within(
            Duration.ofSeconds(5),
            () -> replica.get("/.well-known/jwks.json").body().contains(newKid),
            () -> "the new key is not in the JWKS of " + replica.baseUrl());
      }
      AtomicReference<String> after = new AtomicReference<>();
      Eventually.within(
          Duration.ofSeconds(15),
          () -> {
            after.set(HTTP.adminToken());
            return kid(after.get()).equals(newKid);
          },
          () -> "new tokens are still signed by the old key");

      for (Http replica : new Http[] {HTTP, second.http()}) {
        assertThat(replica.get("/api/v1/admin/users", before).status()).isEqualTo(200);
        assertThat(replica.get("/api/v1/admin/users", after.get()).status()).isEqualTo(200);
      }
      JsonArray keys =
          Json.createReader(
                  new StringReader(HTTP.get("/api/v1/admin/auth/keys", after.get()).body()))
              .readArray();
      assertThat(keys.getValuesAs(JsonObject.class))
          .anySatisfy(
              k -> {
                assertThat(k.getString("kid")).isEqualTo(oldKid);
                assertThat(k.getString("state")).isEqualTo("retiring");
                assertThat(k.getString("retiresAt")).isNotBlank();
              })
          .anySatisfy(
              k -> {
                assertThat(k.getString("kid")).isEqualTo(newKid);
                assertThat(k.getString("state")).isEqualTo("active");
              });
      assertThat(HTTP.get("/.well-known/jwks.json").body()).contains(oldKid).contains(newKid);
    }
  }

  private static String kid(String token) {
    String header =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    JsonObject json = Json.createReader(new StringReader(header)).readObject();
    return json.getString("kid");
  }
}
