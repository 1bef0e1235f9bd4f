package dev.lectern.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.TestEnvironment;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;

/**
 * What {@link ControlPlaneIT} checks of a master-key rotation: the replicas restarted with a new
 * {@code LECTERN_MASTER_KEY} and the old one as {@code LECTERN_MASTER_KEY_PREVIOUS} sign tokens
 * with the signing key sealed under the old key, the status says so by key id, and a reseal moves
 * every stored key under the new one, after which nothing needs the previous key.
 */
final class SecretsChecks {

  private static final String STATUS = "/api/v1/admin/secrets/status";

  private SecretsChecks() {}

  static void masterKeyRotationCompletes(Http one, Http two, String admin) {
    JsonObject before = one.get(STATUS, admin).json();
    JsonObject master = before.getJsonObject("masterKey");
    assertThat(master.getString("keyId")).isNotBlank();
    assertThat(master.getString("previousKeyId"))
        .isNotBlank()
        .isNotEqualTo(master.getString("keyId"));
    assertThat(master.getInt("underPrevious")).as(before.toString()).isPositive();
    assertThat(master.getInt("unreadable")).isZero();
    assertThat(before.getJsonObject("signingKey").getString("kid")).isNotBlank();
    assertThat(before.getJsonObject("database").getString("user"))
        .isEqualTo(TestEnvironment.databaseUser());
    assertThat(before.toString()).doesNotContain(TestEnvironment.masterKey());

    HttpResult resealed =
        one.send(
            one.request("/api/v1/admin/auth/keys/reseal")
                .header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(resealed.status()).as(resealed.toString()).isEqualTo(200);
    assertThat(resealed.json().getInt("resealed")).isEqualTo(master.getInt("underPrevious"));

    JsonObject after = two.get(STATUS, admin).json().getJsonObject("masterKey");
    assertThat(after.getInt("underPrevious")).isZero();
    assertThat(after.getInt("underCurrent"))
        .isEqualTo(master.getInt("underCurrent") + master.getInt("underPrevious"));
    assertThat(two.adminToken()).as("signing goes on after the reseal").isNotBlank();
    assertThat(one.get("/api/v1/admin/audit-logs?action=auth.master_key_reseal", admin).body())
        .contains("resealed");
  }
}
