package dev.lectern.delivery;

import static dev.lectern.delivery.HelmRender.installable;
import static dev.lectern.delivery.HelmRender.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * values.schema.json describes every value, and Helm refuses values that break it before it renders
 * anything: a typo or a wrong type fails at install time, not as a pod that never starts.
 */
class HelmSchemaTest {

  private static final Path SCHEMA = HelmRender.CHART.resolve("values.schema.json");

  @Test
  void theSchemaIsDraft07AndDescribesEveryValue() throws IOException {
    JsonObject schema = schema();
    assertThat(schema.getString("$schema")).isEqualTo("http://json-schema.org/draft-07/schema#");
    assertThat(schema.getBoolean("additionalProperties")).isFalse();
    for (String leaf : ChartParameters.leaves(ChartParameters.values())) {
      JsonObject node = schema;
      for (String key : leaf.split("\\.")) {
        if (!node.containsKey("properties")) {
          break;
        }
        assertThat(node.getJsonObject("properties").containsKey(key))
            .as("values.schema.json lacks %s", leaf)
            .isTrue();
        node = node.getJsonObject("properties").getJsonObject(key);
      }
    }
  }

  @Test
  void aReplicaCountThatIsNoNumberIsRefused() {
    assertThatThrownBy(() -> render(installable().set("replicaCount", "two")))
        .hasMessageContaining("replicaCount: Invalid type. Expected: integer");
  }

  @Test
  void anUnknownResourcesPresetIsRefused() {
    assertThatThrownBy(() -> render(installable().set("resourcesPreset", "huge")))
        .hasMessageContaining("resourcesPreset must be one of the following");
  }

  @Test
  void aDisruptionBudgetWithBothBoundsIsRefused() {
    assertThatThrownBy(
            () ->
                render(
                    installable()
                        .set("pdb.create", true)
                        .set("pdb.minAvailable", 1)
                        .set("pdb.maxUnavailable", 1)))
        .hasMessageContaining("pdb: Must not validate the schema");
    assertThat(render(installable().set("pdb.create", true).set("pdb.minAvailable", "50%")))
        .isNotEmpty();
  }

  @Test
  void aMisspelledValueIsRefused() {
    assertThatThrownBy(() -> render(installable().set("replicas", 3)))
        .hasMessageContaining("Additional property replicas is not allowed");
    assertThatThrownBy(() -> render(installable().set("autoscaling.targetCpu", 50)))
        .hasMessageContaining("Additional property targetCpu is not allowed");
  }

  private static JsonObject schema() throws IOException {
    try (Reader reader = Files.newBufferedReader(SCHEMA);
        JsonReader json = Json.createReader(reader)) {
      return json.readObject();
    }
  }
}
