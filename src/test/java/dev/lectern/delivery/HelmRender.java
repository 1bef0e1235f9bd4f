package dev.lectern.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders the chart with Helm's own engine (helm-java, inside the test JVM) and reads the manifests
 * back as YAML maps, so the chart tests assert on what an operator would install.
 */
final class HelmRender {

  static final Path CHART = Path.of("helm/lectern");

  /** Every optional resource switched on, with the values the chart requires. */
  static final Path EVERY_SWITCH = Path.of("src/test/resources/helm/every-switch.yaml");

  static final String MASTER_KEY = "master-key-of-the-test-0123456789abcdef";
  static final String BACKUP_KEYS = "k1:c2VjcmV0LWJhY2t1cC1rZXk=";

  private HelmRender() {}

  static TemplateCommand template() {
    return new Helm(CHART).template().withName("lectern");
  }

  /**
   * The smallest install the chart accepts: an address for links and the two keys it never makes.
   */
  static TemplateCommand installable() {
    return template()
        .set("publicUrl", "https://x.example")
        .set("secrets.values.LECTERN_MASTER_KEY", MASTER_KEY)
        .set("secrets.values.BACKUP_ENCRYPTION_KEYS", BACKUP_KEYS);
  }

  static List<Map<String, Object>> render(TemplateCommand command) {
    List<Map<String, Object>> manifests = new ArrayList<>();
    for (Object document : new Yaml().loadAll(command.call())) {
      if (document != null) {
        manifests.add(cast(document));
      }
    }
    return manifests;
  }

  static List<Object> kinds(List<Map<String, Object>> manifests) {
    return manifests.stream().map(m -> m.get("kind")).toList();
  }

  static Map<String, Object> only(List<Map<String, Object>> manifests, String kind) {
    List<Map<String, Object>> found =
        manifests.stream().filter(m -> Objects.equals(kind, m.get("kind"))).toList();
    assertThat(found).as(kind).hasSize(1);
    return found.get(0);
  }

  static Map<String, Object> pod(List<Map<String, Object>> manifests) {
    return at(only(manifests, "Deployment"), "spec", "template", "spec");
  }

  static Map<String, Object> container(List<Map<String, Object>> manifests) {
    return first(pod(manifests).get("containers"));
  }

  /** The Lectern container's variables: name to literal value (null when from a Secret). */
  static Map<String, Object> env(List<Map<String, Object>> manifests) {
    Map<String, Object> values = new HashMap<>();
    for (Object entry : (List<?>) container(manifests).get("env")) {
      Map<?, ?> variable = (Map<?, ?>) entry;
      values.put((String) variable.get("name"), variable.get("value"));
    }
    return values;
  }

  static Map<String, Object> at(Map<String, Object> node, String... keys) {
    Map<String, Object> current = node;
    for (String key : keys) {
      assertThat(current).as(key).containsKey(key);
      current = cast(current.get(key));
    }
    return current;
  }

  static Map<String, Object> first(Object list) {
    assertThat(list).isInstanceOf(List.class);
    return cast(((List<?>) list).get(0));
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node) {
    assertThat(node).isInstanceOf(List.class);
    return (List<Object>) node;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> cast(Object node) {
    assertThat(node).isInstanceOf(Map.class);
    return (Map<String, Object>) node;
  }

  /**
   * A copy of the chart whose values.yaml carries {@code overrides} merged in: {@code helm lint}
   * takes no values of its own, it lints the chart as its values.yaml leaves it.
   */
  static Path copyOfChart(Path work, Path overrides) throws IOException {
    Path target = work.resolve("lectern");
    try (Stream<Path> files = Files.walk(CHART)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(CHART.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    Yaml yaml = new Yaml();
    Map<String, Object> values = cast(yaml.load(Files.readString(CHART.resolve("values.yaml"))));
    merge(values, cast(yaml.load(Files.readString(overrides))));
    Files.writeString(target.resolve("values.yaml"), yaml.dump(values));
    return target;
  }

  private static void merge(Map<String, Object> into, Map<String, Object> from) {
    from.forEach(
        (key, value) -> {
          if (value instanceof Map<?, ?> && into.get(key) instanceof Map<?, ?>) {
            merge(cast(into.get(key)), cast(value));
          } else {
            into.put(key, value);
          }
        });
  }
}
