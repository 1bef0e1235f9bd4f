package dev.lectern.delivery;

import static dev.lectern.delivery.HelmRender.at;
import static dev.lectern.delivery.HelmRender.cast;
import static dev.lectern.delivery.HelmRender.container;
import static dev.lectern.delivery.HelmRender.installable;
import static dev.lectern.delivery.HelmRender.kinds;
import static dev.lectern.delivery.HelmRender.list;
import static dev.lectern.delivery.HelmRender.only;
import static dev.lectern.delivery.HelmRender.render;
import static dev.lectern.delivery.HelmRender.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Secret settings reach the pod only through a Secret. The chart makes that Secret from values or
 * takes the operator's, but it never invents the master key or the backup keys: one made anew on an
 * upgrade would lock every user out and leave every backup unreadable, so it refuses instead.
 */
class HelmSecretsTest {

  private static final String DB_PASSWORD = "db-password-of-the-test-0123456789abcdef";

  @Test
  void refusesToRenderWithoutTheMasterKey() {
    assertThatThrownBy(() -> render(installable().set("secrets.values.LECTERN_MASTER_KEY", "")))
        .hasMessageContaining("secrets.values.LECTERN_MASTER_KEY or secrets.existingSecret")
        .hasMessageContaining("never generates it");
  }

  @Test
  void refusesToRenderWithoutTheBackupKeys() {
    assertThatThrownBy(() -> render(installable().set("secrets.values.BACKUP_ENCRYPTION_KEYS", "")))
        .hasMessageContaining("secrets.values.BACKUP_ENCRYPTION_KEYS or secrets.existingSecret");
  }

  @Test
  void refusesAnExistingSecretThatDoesNotNameTheKeys() {
    assertThatThrownBy(
            () ->
                render(
                    template()
                        .set("publicUrl", "https://x.example")
                        .set("secrets.existingSecret", "lectern-secrets")
                        .set("secrets.keys[0]", "DB_PASSWORD")
                        .set("secrets.keys[1]", "LECTERN_MASTER_KEY")))
        .hasMessageContaining("secrets.keys must list BACKUP_ENCRYPTION_KEYS");
  }

  @Test
  void anExistingSecretIsReferencedKeyByKeyAndNoSecretIsMade() {
    List<Map<String, Object>> manifests =
        render(
            template()
                .set("publicUrl", "https://x.example")
                .set("secrets.existingSecret", "lectern-secrets"));

    assertThat(kinds(manifests)).doesNotContain("Secret");
    assertThat(fromSecrets(manifests))
        .isEqualTo(
            Map.of(
                "DB_PASSWORD", "lectern-secrets",
                "LECTERN_MASTER_KEY", "lectern-secrets",
                "LECTERN_ADMIN_PASSWORD", "lectern-secrets",
                "BACKUP_ENCRYPTION_KEYS", "lectern-secrets"));
  }

  @Test
  void theChartsSecretHoldsTheValuesAndNoOtherManifestDoes() {
    List<Map<String, Object>> manifests =
        render(installable().set("secrets.values.DB_PASSWORD", DB_PASSWORD));

    Map<String, Object> secret = only(manifests, "Secret");
    Map<String, Object> data = cast(secret.get("data"));
    assertThat(decoded(data))
        .isEqualTo(
            Map.of(
                "LECTERN_MASTER_KEY", HelmRender.MASTER_KEY,
                "BACKUP_ENCRYPTION_KEYS", HelmRender.BACKUP_KEYS,
                "DB_PASSWORD", DB_PASSWORD));
    String name = (String) at(secret, "metadata").get("name");
    assertThat(fromSecrets(manifests))
        .isEqualTo(
            Map.of(
                "LECTERN_MASTER_KEY", name, "BACKUP_ENCRYPTION_KEYS", name, "DB_PASSWORD", name));

    for (Map<String, Object> manifest : manifests) {
      if (!"Secret".equals(manifest.get("kind"))) {
        String text = new Yaml().dump(manifest);
        for (String value : List.of(HelmRender.MASTER_KEY, HelmRender.BACKUP_KEYS, DB_PASSWORD)) {
          assertThat(text).as("%s holds a secret", manifest.get("kind")).doesNotContain(value);
          assertThat(text).doesNotContain(base64(value));
        }
      }
    }
  }

  @Test
  void noSecretSettingIsEverALiteralVariable() {
    List<Map<String, Object>> manifests =
        render(installable().set("secrets.values.DB_PASSWORD", DB_PASSWORD));
    for (Object entry : list(container(manifests).get("env"))) {
      Map<String, Object> variable = cast(entry);
      if (HelmChartTest.SECRETS.contains(variable.get("name"))) {
        assertThat(variable).doesNotContainKey("value").containsKey("valueFrom");
      }
    }
  }

  /** Each variable taken from a Secret, with the Secret's name. */
  private static Map<String, Object> fromSecrets(List<Map<String, Object>> manifests) {
    Map<String, Object> found = new HashMap<>();
    for (Object entry : list(container(manifests).get("env"))) {
      Map<String, Object> variable = cast(entry);
      if (variable.containsKey("valueFrom")) {
        Map<String, Object> ref = at(variable, "valueFrom", "secretKeyRef");
        assertThat(ref).containsEntry("key", variable.get("name"));
        found.put((String) variable.get("name"), ref.get("name"));
      }
    }
    return found;
  }

  private static Map<String, String> decoded(Map<String, Object> data) {
    Map<String, String> plain = new HashMap<>();
    data.forEach(
        (key, value) ->
            plain.put(
                key,
                new String(Base64.getDecoder().decode((String) value), StandardCharsets.UTF_8)));
    return plain;
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
