package dev.lectern.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of the Helm chart without helm (which does not run here): the chart's YAML
 * parses, templates only use values that exist and keep their delimiters and blocks balanced, every
 * variable the pod gets is a documented setting, secrets only come from a Secret, the probes are
 * Lectern's, and chart and project agree on versions. DockerfileTest checks the image.
 */
class HelmChartTest {

  private static final Path CHART = Path.of("helm/lectern");
  static final Set<String> SECRETS =
      Set.of(
          "DB_PASSWORD", "LECTERN_MASTER_KEY", "LECTERN_ADMIN_PASSWORD", "BACKUP_ENCRYPTION_KEYS");

  @Test
  void chartMatchesTheProjectVersion() throws IOException {
    Map<String, Object> chart = yaml(CHART.resolve("Chart.yaml"));
    assertThat(chart).containsEntry("apiVersion", "v2").containsEntry("name", "lectern");
    String project = first(Files.readString(Path.of("pom.xml")), "<version>([^<]+)</version>");
    assertThat(project.replace("-SNAPSHOT", "")).isEqualTo(chart.get("appVersion"));
    assertThat(values())
        .extractingByKey("image")
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("tag", chart.get("appVersion"));
  }

  @Test
  void templatesOnlyUseValuesThatExist() throws IOException {
    Map<String, Object> values = values();
    for (Path template : templates()) {
      Matcher uses = Pattern.compile("\\.Values((?:\\.[A-Za-z]\\w*)+)").matcher(read(template));
      while (uses.find()) {
        Object node = values;
        for (String key : uses.group(1).substring(1).split("\\.")) {
          assertThat(node).as("%s: .Values%s", template, uses.group(1)).isInstanceOf(Map.class);
          assertThat(((Map<?, ?>) node).containsKey(key))
              .as("%s: .Values%s", template, uses.group(1))
              .isTrue();
          node = ((Map<?, ?>) node).get(key);
        }
      }
    }
  }

  @Test
  void templateDelimitersAndBlocksAreBalanced() throws IOException {
    for (Path template : templates()) {
      String text = read(template);
      assertThat(count(text, "\\{\\{")).as("%s: {{ and }}", template).isEqualTo(count(text, "}}"));
      int opened = count(text, "\\{\\{-?\\s*(if|range|with|define)\\b");
      assertThat(count(text, "\\{\\{-?\\s*end\\s*-?}}"))
          .as("%s: blocks and ends", template)
          .isEqualTo(opened);
    }
  }

  @Test
  void everyVariableIsADocumentedSettingAndSecretsComeFromASecret() throws IOException {
    Set<String> documented = new HashSet<>();
    Matcher rows =
        Pattern.compile("(?m)^\\| `([A-Z][A-Z0-9_]*)`")
            .matcher(Files.readString(Path.of("docs/configuration.md")));
    while (rows.find()) {
      documented.add(rows.group(1));
    }
    Map<String, Object> values = values();
    @SuppressWarnings("unchecked")
    Map<String, Object> config = (Map<String, Object>) values.get("config");
    @SuppressWarnings("unchecked")
    List<String> secretKeys =
        (List<String>) ((Map<String, Object>) values.get("secrets")).get("keys");
    assertThat(documented).containsAll(config.keySet()).containsAll(secretKeys);
    assertThat(config.keySet()).doesNotContainAnyElementsOf(SECRETS);
    assertThat(secretKeys).containsAll(SECRETS);

    // Which keys and which Secret is the render tests' business (HelmSecretsTest); here: the
    // template takes them from a Secret by reference, never as a value.
    String deployment = read(CHART.resolve("templates/deployment.yaml"));
    assertThat(deployment)
        .contains("{{- range $secretKeys }}")
        .contains("secretKeyRef:")
        .contains("name: {{ include \"lectern.secretName\" $ }}")
        .doesNotContain(".Values.secrets.values");
    Matcher literal = Pattern.compile("- name: ([A-Z][A-Z0-9_]*)\\n\\s+value:").matcher(deployment);
    while (literal.find()) {
      assertThat(documented).as("documented setting").contains(literal.group(1));
      assertThat(SECRETS).as("secret set as a literal").doesNotContain(literal.group(1));
    }
  }

  @Test
  void probesAreLecternsOwn() throws IOException {
    String deployment = read(CHART.resolve("templates/deployment.yaml"));
    assertThat(first(deployment, "startupProbe:\\s+httpGet:\\s+path: (\\S+)"))
        .isEqualTo("/health/started");
    assertThat(first(deployment, "livenessProbe:\\s+httpGet:\\s+path: (\\S+)"))
        .isEqualTo("/health/live");
    assertThat(first(deployment, "readinessProbe:\\s+httpGet:\\s+path: (\\S+)"))
        .isEqualTo("/health/ready");
  }

  private static Map<String, Object> values() throws IOException {
    return yaml(CHART.resolve("values.yaml"));
  }

  private static Map<String, Object> yaml(Path file) throws IOException {
    return new Yaml().load(Files.readString(file));
  }

  private static List<Path> templates() throws IOException {
    try (Stream<Path> files = Files.list(CHART.resolve("templates"))) {
      List<Path> templates = files.sorted().toList();
      assertThat(templates).isNotEmpty();
      return templates;
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file);
  }

  private static int count(String text, String regex) {
    return (int) Pattern.compile(regex).matcher(text).results().count();
  }

  private static String first(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as("%s found", regex).isTrue();
    return matcher.group(1);
  }
}
