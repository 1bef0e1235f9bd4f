package dev.lectern.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.TestEnvironment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bill of materials the image carries is made at {@code package}, so it is checked here, after
 * it: CycloneDX JSON naming the libraries the server runs, those of the WAR and those of lib/.
 */
class BillOfMaterialsIT {

  @Test
  void shouldListTheLibrariesOfTheWarAndOfTheServersLib() throws IOException {
    Path bom = TestEnvironment.projectDir().resolve("target/bom.json");
    assertThat(bom)
        .as("made at package by cyclonedx-maven-plugin, which an offline build (-o) skips")
        .exists();
    JsonObject document;
    try (JsonReader reader = Json.createReader(Files.newBufferedReader(bom))) {
      document = reader.readObject();
    }
    assertThat(document.getString("bomFormat")).isEqualTo("CycloneDX");
    assertThat(document.getJsonObject("metadata").getJsonObject("component").getString("name"))
        .isEqualTo("lectern");
    Set<String> components =
        document.getJsonArray("components").getValuesAs(JsonObject.class).stream()
            .map(c -> c.getString("group") + ":" + c.getString("name"))
            .collect(Collectors.toSet());
    assertThat(components)
        .contains(
            "redis.clients:jedis",
            "org.flywaydb:flyway-core",
            "org.hibernate.orm:hibernate-core",
            "org.postgresql:postgresql")
        .noneMatch(c -> c.startsWith("org.junit") || c.startsWith("org.seleniumhq"));
  }
}
