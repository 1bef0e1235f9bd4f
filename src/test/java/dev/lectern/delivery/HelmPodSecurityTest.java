package dev.lectern.delivery;

import static dev.lectern.delivery.HelmRender.at;
import static dev.lectern.delivery.HelmRender.cast;
import static dev.lectern.delivery.HelmRender.container;
import static dev.lectern.delivery.HelmRender.first;
import static dev.lectern.delivery.HelmRender.installable;
import static dev.lectern.delivery.HelmRender.list;
import static dev.lectern.delivery.HelmRender.pod;
import static dev.lectern.delivery.HelmRender.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pod runs as the image's non-root user on a read-only root filesystem, so everything Liberty
 * writes must land on a volume: the server's output directory (seeded from the image, class cache
 * included), the logs and /tmp. Probes ask Lectern's own health endpoints.
 */
class HelmPodSecurityTest {

  private final List<Map<String, Object>> manifests = render(installable());

  @Test
  void thePodRunsAsTheImagesUserWithoutPrivileges() {
    assertThat(at(pod(manifests), "securityContext"))
        .containsEntry("runAsNonRoot", true)
        .containsEntry("runAsUser", 1001)
        .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
    for (Map<String, Object> container : everyContainer()) {
      assertThat(at(container, "securityContext"))
          .as("%s", container.get("name"))
          .containsEntry("runAsNonRoot", true)
          .containsEntry("readOnlyRootFilesystem", true)
          .containsEntry("allowPrivilegeEscalation", false)
          .containsEntry("capabilities", Map.of("drop", List.of("ALL")))
          .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
    }
    assertThat(pod(manifests)).containsEntry("automountServiceAccountToken", false);
  }

  @Test
  void libertysWritablePathsAreEmptyDirsAndTheOutputIsSeededFromTheImage() {
    Map<String, Object> volumes = byName(pod(manifests).get("volumes"));
    for (String name : List.of("output", "logs", "tmp", "dumps")) {
      assertThat(cast(volumes.get(name))).as(name).containsKey("emptyDir");
    }
    assertThat(mounts(container(manifests)))
        .containsEntry("output", "/opt/ol/wlp/output")
        .containsEntry("logs", "/logs")
        .containsEntry("tmp", "/tmp");

    Map<String, Object> seed = first(pod(manifests).get("initContainers"));
    assertThat(seed.get("image")).isEqualTo(container(manifests).get("image"));
    assertThat(String.join(" ", list(seed.get("command")).stream().map(String::valueOf).toList()))
        .contains("cp -R", "/opt/ol/wlp/output/.", "/seed/");
    assertThat(mounts(seed)).isEqualTo(Map.of("output", "/seed"));
  }

  @Test
  void probesAskLecternsHealthEndpointsWithTheirValues() {
    Map<String, Object> lectern = container(manifests);
    assertThat(at(lectern, "startupProbe"))
        .containsEntry("httpGet", Map.of("path", "/health/started", "port", "http"))
        .containsEntry("failureThreshold", 60)
        .doesNotContainKey("enabled");
    assertThat(at(lectern, "livenessProbe"))
        .containsEntry("httpGet", Map.of("path", "/health/live", "port", "http"));
    assertThat(at(lectern, "readinessProbe"))
        .containsEntry("httpGet", Map.of("path", "/health/ready", "port", "http"))
        .containsEntry("periodSeconds", 5);

    Map<String, Object> tuned =
        container(render(installable().set("readinessProbe.timeoutSeconds", 7)));
    assertThat(at(tuned, "readinessProbe")).containsEntry("timeoutSeconds", 7);
  }

  @Test
  void resourcesComeFromThePresetUnlessGiven() {
    assertThat(at(container(manifests), "resources"))
        .isEqualTo(
            Map.of(
                "requests", Map.of("cpu", "500m", "memory", "1Gi"),
                "limits", Map.of("memory", "2Gi")));
    assertThat(at(container(render(installable().set("resourcesPreset", "large"))), "resources"))
        .containsEntry("limits", Map.of("memory", "4Gi"));
    Map<String, Object> explicit =
        container(
            render(
                installable()
                    .set("resourcesPreset", "small")
                    .set("resources.requests.memory", "3Gi")));
    assertThat(at(explicit, "resources")).isEqualTo(Map.of("requests", Map.of("memory", "3Gi")));
  }

  private List<Map<String, Object>> everyContainer() {
    return Stream.concat(
            list(pod(manifests).get("initContainers")).stream(),
            list(pod(manifests).get("containers")).stream())
        .map(HelmRender::cast)
        .toList();
  }

  private static Map<String, Object> byName(Object list) {
    Map<String, Object> named = new HashMap<>();
    for (Object item : list(list)) {
      named.put((String) cast(item).get("name"), item);
    }
    return named;
  }

  private static Map<String, Object> mounts(Map<String, Object> container) {
    Map<String, Object> paths = new HashMap<>();
    for (Object mount : list(container.get("volumeMounts"))) {
      paths.put((String) cast(mount).get("name"), cast(mount).get("mountPath"));
    }
    return paths;
  }
}
