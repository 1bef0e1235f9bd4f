package dev.lectern.delivery;

import static dev.lectern.delivery.HelmRender.at;
import static dev.lectern.delivery.HelmRender.cast;
import static dev.lectern.delivery.HelmRender.env;
import static dev.lectern.delivery.HelmRender.first;
import static dev.lectern.delivery.HelmRender.installable;
import static dev.lectern.delivery.HelmRender.kinds;
import static dev.lectern.delivery.HelmRender.list;
import static dev.lectern.delivery.HelmRender.only;
import static dev.lectern.delivery.HelmRender.pod;
import static dev.lectern.delivery.HelmRender.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

  @Test
  void lintsCleanAsAnOperatorInstallsIt(@TempDir Path work) throws IOException {
    Path values = Files.writeString(work.resolve("required.yaml"), requiredValues());

    LintResult lint = new Helm(HelmRender.copyOfChart(work, values)).lint().strict().call();

    assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
  }

  @Test
  void refusesToRenderWithoutAnAddressForLinks() {
    assertThatThrownBy(() -> render(installable().set("publicUrl", "")))
        .hasMessageContaining("publicUrl: the address clients reach Lectern at");
  }

  @Test
  void publicUrlReachesThePodAndNoIngressIsMadeUnlessAsked() {
    List<Map<String, Object>> manifests =
        render(installable().set("publicUrl", "https://roster.district.example"));

    assertThat(env(manifests))
        .containsEntry("LECTERN_PUBLIC_URL", "https://roster.district.example");
    assertThat(kinds(manifests)).doesNotContain("Ingress").contains("Deployment", "Service");
  }

  @Test
  void anIngressGivesTheAddressItServesWhenPublicUrlIsEmpty() {
    List<Map<String, Object>> manifests =
        render(
            installable()
                .set("publicUrl", "")
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
        installable()
            .set("publicUrl", "")
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
  void heapDumpsLandOnAPodVolumeAtThePathTheJvmOptionsName() throws IOException {
    Map<String, Object> pod = pod(render(installable()));
    String dumps = "/var/lib/lectern/dumps";
    assertThat(list(first(pod.get("containers")).get("volumeMounts")))
        .contains(Map.of("name", "dumps", "mountPath", dumps));
    assertThat(list(pod.get("volumes")))
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
    List<Map<String, Object>> plain = render(installable());
    assertThat(kinds(plain)).doesNotContain("PrometheusRule", "ConfigMap");

    List<Map<String, Object>> monitored =
        render(
            installable()
                .set("metrics.prometheusRule.enabled", "true")
                .set("metrics.grafanaDashboard.enabled", "true"));
    Map<String, Object> rules = only(monitored, "PrometheusRule");
    Map<String, Object> shipped = cast(new Yaml().load(Files.readString(MonitoringFiles.RULES)));
    assertThat(cast(rules.get("spec"))).isEqualTo(shipped);
    Map<String, Object> dashboard = only(monitored, "ConfigMap");
    assertThat(at(dashboard, "metadata", "labels")).containsEntry("grafana_dashboard", "1");
    assertThat(cast(dashboard.get("data")).get("lectern-dashboard.json"))
        .isEqualTo(Files.readString(MonitoringFiles.DASHBOARD).stripTrailing());
  }

  private static String requiredValues() {
    return "publicUrl: https://lectern.example\n"
        + "secrets:\n  values:\n"
        + ("    LECTERN_MASTER_KEY: " + HelmRender.MASTER_KEY + "\n")
        + ("    BACKUP_ENCRYPTION_KEYS: \"" + HelmRender.BACKUP_KEYS + "\"\n");
  }
}
