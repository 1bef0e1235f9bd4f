package dev.lectern.delivery;

import static dev.lectern.delivery.HelmRender.at;
import static dev.lectern.delivery.HelmRender.cast;
import static dev.lectern.delivery.HelmRender.first;
import static dev.lectern.delivery.HelmRender.installable;
import static dev.lectern.delivery.HelmRender.kinds;
import static dev.lectern.delivery.HelmRender.list;
import static dev.lectern.delivery.HelmRender.only;
import static dev.lectern.delivery.HelmRender.render;
import static dev.lectern.delivery.HelmRender.template;
import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each optional resource appears only behind its switch, and with every switch on the chart still
 * lints strictly and renders what the switches promise: an HPA that owns the replica count, a
 * disruption budget, a network policy down to Lectern's dependencies, a ServiceMonitor.
 */
class HelmSwitchesTest {

  private static final List<String> OPTIONAL =
      List.of(
          "HorizontalPodAutoscaler",
          "PodDisruptionBudget",
          "NetworkPolicy",
          "ServiceMonitor",
          "PrometheusRule",
          "ConfigMap",
          "Ingress");

  private final List<Map<String, Object>> everything =
      render(template().withValuesFile(HelmRender.EVERY_SWITCH));

  @Test
  void theDefaultsMakeNoOptionalResource() {
    List<Object> kinds = kinds(render(installable()));
    assertThat(kinds).doesNotContainAnyElementsOf(OPTIONAL);
    assertThat(kinds).contains("Deployment", "Service", "ServiceAccount", "Secret");
    assertThat(at(only(render(installable()), "Deployment"), "spec")).containsEntry("replicas", 2);
  }

  @Test
  void everySwitchOnLintsStrictlyAndMakesEveryResource(@TempDir Path work) throws IOException {
    LintResult lint =
        new Helm(HelmRender.copyOfChart(work, HelmRender.EVERY_SWITCH)).lint().strict().call();
    assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
    assertThat(kinds(everything)).containsAll(OPTIONAL);
  }

  @Test
  void theAutoscalerOwnsTheReplicaCount() {
    assertThat(at(only(everything, "Deployment"), "spec")).doesNotContainKey("replicas");
    Map<String, Object> hpa = at(only(everything, "HorizontalPodAutoscaler"), "spec");
    assertThat(only(everything, "HorizontalPodAutoscaler"))
        .containsEntry("apiVersion", "autoscaling/v2");
    assertThat(hpa).containsEntry("minReplicas", 2).containsEntry("maxReplicas", 5);
    assertThat(at(hpa, "scaleTargetRef")).containsEntry("name", "lectern-lectern");
    List<String> targets = new ArrayList<>();
    for (Object metric : list(hpa.get("metrics"))) {
      Map<String, Object> resource = at(cast(metric), "resource");
      targets.add(resource.get("name") + "=" + at(resource, "target").get("averageUtilization"));
    }
    assertThat(targets).containsExactly("cpu=65", "memory=80");
  }

  @Test
  void aDisruptionBudgetOnlyWhenAskedWithTheGivenBound() {
    assertThat(at(only(everything, "PodDisruptionBudget"), "spec"))
        .containsEntry("minAvailable", 1)
        .doesNotContainKey("maxUnavailable");
    Map<String, Object> byDefault =
        at(only(render(installable().set("pdb.create", true)), "PodDisruptionBudget"), "spec");
    assertThat(byDefault).containsEntry("maxUnavailable", 1).doesNotContainKey("minAvailable");
  }

  @Test
  void theNetworkPolicyLetsInTheControllerAndPrometheusAndOutOnlyToDependencies() {
    Map<String, Object> spec = at(only(everything, "NetworkPolicy"), "spec");
    List<Object> ingress = list(spec.get("ingress"));
    assertThat(ingress).hasSize(2);
    assertThat(first(cast(ingress.get(0)).get("from")))
        .containsEntry(
            "namespaceSelector",
            Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "ingress-nginx")));
    assertThat(ports(ingress.get(0))).containsExactly("TCP/http", "TCP/https");
    assertThat(first(cast(ingress.get(1)).get("from")))
        .containsEntry(
            "namespaceSelector",
            Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "monitoring")));
    assertThat(ports(ingress.get(1))).containsExactly("TCP/http");

    List<String> egress = new ArrayList<>();
    for (Object rule : list(spec.get("egress"))) {
      egress.addAll(ports(rule));
    }
    assertThat(egress)
        .containsExactly(
            "TCP/5432",
            "TCP/6379",
            "TCP/26379",
            "TCP/587",
            "TCP/25",
            "TCP/4317",
            "TCP/4318",
            "UDP/53",
            "TCP/53");
  }

  @Test
  void aPeerWithoutSelectorsAdmitsAnySourceRatherThanAnInvalidEmptyPeer() {
    List<Map<String, Object>> open =
        render(
            template()
                .withValuesFile(HelmRender.EVERY_SWITCH)
                .set("networkPolicy.prometheus.namespaceSelector", "null")
                .set("networkPolicy.prometheus.podSelector", "null"));
    List<Object> ingress = list(at(only(open, "NetworkPolicy"), "spec").get("ingress"));
    assertThat(cast(ingress.get(0))).containsKey("from");
    assertThat(cast(ingress.get(1))).doesNotContainKey("from");
  }

  @Test
  void theServiceMonitorScrapesMetricsWithoutCredentials() {
    Map<String, Object> monitor = only(everything, "ServiceMonitor");
    assertThat(at(monitor, "metadata", "labels")).containsEntry("release", "prometheus");
    Map<String, Object> endpoint = first(at(monitor, "spec").get("endpoints"));
    assertThat(endpoint)
        .containsEntry("port", "http")
        .containsEntry("path", "/metrics")
        .doesNotContainKeys("bearerTokenSecret", "authorization", "basicAuth");
  }

  @Test
  void theServiceAccountIsTheChartsWithoutAnApiToken() {
    Map<String, Object> account = only(everything, "ServiceAccount");
    assertThat(account).containsEntry("automountServiceAccountToken", false);
    assertThat(at(only(everything, "Deployment"), "spec", "template", "spec"))
        .containsEntry("serviceAccountName", at(account, "metadata").get("name"));
  }

  private static List<String> ports(Object rule) {
    List<String> ports = new ArrayList<>();
    for (Object port : list(cast(rule).get("ports"))) {
      ports.add(cast(port).get("protocol") + "/" + cast(port).get("port"));
    }
    return ports;
  }
}
