package dev.lectern.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart as Helm itself renders it (Helm's engine runs inside the test JVM): what an operator
 * installs, not what the template files look like. The address Lectern builds its links on comes
 * from {@code publicUrl} or, when an ingress is enabled, from the ingress's own host; without
 * either the chart refuses to render rather than deploy a production server that cannot start.
 */
class HelmRenderTest {

  private static final Path CHART = Path.of("helm/lectern");

  @Test
  void lintsCleanAsAnOperatorInstallsIt(@TempDir Path work) throws IOException {
    Path chart = copyOfChart(work);
    Path values = chart.resolve("values.yaml");
    String text = Files.readString(values);
    assertThat(text).contains("\npublicUrl: \"\"\n");
    Files.writeString(
        values, text.replace("\npublicUrl: \"\"\n", "\npublicUrl: https://lectern.example\n"));

    LintResult lint = new Helm(chart).lint().strict().call();

    assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
  }

  @Test
  void refusesToRenderWithoutAnAddressForLinks() {
    assertThatThrownBy(() -> render(template()))
        .hasMessageContaining("publicUrl: the address clients reach Lectern at");
  }

  @Test
  void publicUrlReachesThePodAndNoIngressIsMadeUnlessAsked() {
    List<Map<String, Object>> manifests =
        render(template().set("publicUrl", "https://roster.district.example"));

    assertThat(env(manifests))
        .containsEntry("LECTERN_PUBLIC_URL", "https://roster.district.example");
    assertThat(kinds(manifests)).doesNotContain("Ingress").contains("Deployment", "Service");
  }

  @Test
  void anIngressGivesTheAddressItServesWhenPublicUrlIsEmpty() {
    List<Map<String, Object>> manifests =
        render(
            template()
                .set("ingress.enabled", true)
                .set("ingress.hostname", "lectern.district.example")
                .set("ingress.className", "nginx")
                .set("ingress.annotations.cert-manager\\.io/cluster-issuer", "district-ca"));

    assertThat(env(manifests))
        .containsEntry("LECTERN_PUBLIC_URL", "https://lectern.district.example");
    Map<String, Object> ingress = only(manifests, "Ingress");
    assertThat(at(ingress, "metadata", "annotations"))
        .isEqualTo(Map.of("cert-manager.io/cluster-issuer", "district-ca"));
    Map<String, Object> spec = at(ingress, "spec");
    assertThat(spec).containsEntry("ingressClassName", "nginx");
    assertThat(spec.get("tls"))
        .isEqualTo(
            List.of(
                Map.of(
                    "hosts",
                    List.of("lectern.district.example"),
                    "secretName",
                    "lectern-lectern-tls")));
    Map<String, Object> rule = first(spec.get("rules"));
    assertThat(rule).containsEntry("host", "lectern.district.example");
    Map<String, Object> path = first(at(rule, "http").get("paths"));
    assertThat(at(path, "backend", "service"))
        .isEqualTo(Map.of("name", "lectern-lectern", "port", Map.of("name", "http")));
    assertThat(at(only(manifests, "Service"), "metadata")).containsEntry("name", "lectern-lectern");
  }

  @Test
  void anIngressWithoutTlsGivesAnHttpAddressAndAnExplicitPublicUrlWins() {
    TemplateCommand plain =
        template()
            .set("ingress.enabled", true)
            .set("ingress.tls", false)
            .set("ingress.hostname", "h.example");
    List<Map<String, Object>> manifests = render(plain);
    assertThat(env(manifests)).containsEntry("LECTERN_PUBLIC_URL", "http://h.example");
    assertThat(at(only(manifests, "Ingress"), "spec")).doesNotContainKey("tls");

    assertThat(env(render(plain.set("publicUrl", "https://front.example"))))
        .containsEntry("LECTERN_PUBLIC_URL", "https://front.example");
  }

  @Test
  void secretsReachThePodOnlyFromTheSecret() {
    Map<String, Object> container =
        first(
            at(
                    only(render(template().set("publicUrl", "https://x.example")), "Deployment"),
                    "spec",
                    "template",
                    "spec")
                .get("containers"));
    for (Object entry : (List<?>) container.get("env")) {
      Map<String, Object> variable = cast(entry);
      if (List.of(
              "DB_PASSWORD",
              "LECTERN_MASTER_KEY",
              "LECTERN_ADMIN_PASSWORD",
              "BACKUP_ENCRYPTION_KEYS")
          .contains(variable.get("name"))) {
        assertThat(variable).doesNotContainKey("value").containsKey("valueFrom");
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void heapDumpsLandOnAPodVolumeAtThePathTheJvmOptionsName() throws IOException {
    Map<String, Object> pod =
        at(
            only(render(template().set("publicUrl", "https://x.example")), "Deployment"),
            "spec",
            "template",
            "spec");
    String dumps = "/var/lib/lectern/dumps";
    assertThat((List<Object>) first(pod.get("containers")).get("volumeMounts"))
        .contains(Map.of("name", "dumps", "mountPath", dumps));
    assertThat((List<Object>) pod.get("volumes"))
        .contains(Map.of("name", "dumps", "emptyDir", Map.of("sizeLimit", "4Gi")));

    List<String> hotspotAndOpenJ9 =
        Files.readAllLines(Path.of("src/main/liberty/config/jvm.options"));
    assertThat(hotspotAndOpenJ9)
        .contains("-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=" + dumps);
    List<String> openJ9 = Files.readAllLines(Path.of("src/main/docker/openj9-dumps.jvm.options"));
    assertThat(openJ9).contains("-Xdump:system:none");
    assertThat(openJ9.stream().filter(line -> line.startsWith("-Xdump:heap:")))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("filter=java/lang/OutOfMemoryError", "file=" + dumps + "/"));
    String dockerfile = Files.readString(Path.of("Dockerfile"));
    assertThat(dockerfile)
        .contains("src/main/liberty/config/jvm.options /config/")
        .contains(
            "src/main/docker/openj9-dumps.jvm.options /config/configDropins/overrides/jvm.options")
        .contains(dumps);
  }

  @Test
  void theAlertRulesAndTheDashboardArePackagedAsShippedWhenAsked() throws IOException {
    List<Map<String, Object>> plain = render(template().set("publicUrl", "https://x.example"));
    assertThat(kinds(plain)).doesNotContain("PrometheusRule", "ConfigMap");

    List<Map<String, Object>> monitored =
        render(
            template()
                .set("publicUrl", "https://x.example")
                .set("monitoring.prometheusRule.enabled", "true")
                .set("monitoring.grafanaDashboard.enabled", "true"));
    Map<String, Object> rules = only(monitored, "PrometheusRule");
    Map<String, Object> shipped = cast(new Yaml().load(Files.readString(MonitoringFiles.RULES)));
    assertThat(cast(rules.get("spec"))).isEqualTo(shipped);
    Map<String, Object> dashboard = only(monitored, "ConfigMap");
    assertThat(at(dashboard, "metadata", "labels")).containsEntry("grafana_dashboard", "1");
    assertThat(cast(dashboard.get("data")).get("lectern-dashboard.json"))
        .isEqualTo(Files.readString(MonitoringFiles.DASHBOARD).stripTrailing());
  }

  private static TemplateCommand template() {
    return new Helm(CHART).template().withName("lectern");
  }

  private static List<Map<String, Object>> render(TemplateCommand command) {
    List<Map<String, Object>> manifests = new ArrayList<>();
    for (Object document : new Yaml().loadAll(command.call())) {
      if (document != null) {
        manifests.add(cast(document));
      }
    }
    return manifests;
  }

  private static List<Object> kinds(List<Map<String, Object>> manifests) {
    return manifests.stream().map(m -> m.get("kind")).toList();
  }

  private static Map<String, Object> only(List<Map<String, Object>> manifests, String kind) {
    List<Map<String, Object>> found =
        manifests.stream().filter(m -> Objects.equals(kind, m.get("kind"))).toList();
    assertThat(found).as(kind).hasSize(1);
    return found.get(0);
  }

  private static Map<String, Object> env(List<Map<String, Object>> manifests) {
    Map<String, Object> container =
        first(at(only(manifests, "Deployment"), "spec", "template", "spec").get("containers"));
    Map<String, Object> values = new java.util.HashMap<>();
    for (Object entry : (List<?>) container.get("env")) {
      Map<?, ?> variable = (Map<?, ?>) entry;
      values.put((String) variable.get("name"), variable.get("value"));
    }
    return values;
  }

  private static Map<String, Object> at(Map<String, Object> node, String... keys) {
    Map<String, Object> current = node;
    for (String key : keys) {
      assertThat(current).as(key).containsKey(key);
      current = cast(current.get(key));
    }
    return current;
  }

  private static Map<String, Object> first(Object list) {
    assertThat(list).isInstanceOf(List.class);
    return cast(((List<?>) list).get(0));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object node) {
    assertThat(node).isInstanceOf(Map.class);
    return (Map<String, Object>) node;
  }

  private static Path copyOfChart(Path work) throws IOException {
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
    return target;
  }
}
