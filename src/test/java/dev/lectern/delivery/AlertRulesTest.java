package dev.lectern.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped alert rules as Prometheus reads them: promtool (from Debian's prometheus package,
 * unpacked under target/, never started) checks them and runs their unit tests, in which every
 * alert fires on series that should fire it and stays quiet on series beside them that should not;
 * every alert is written for the person on call (severity, summary, a runbook section that exists).
 */
class AlertRulesTest {

  private static Path promtool;

  @BeforeAll
  static void unpackPromtool() throws Exception {
    promtool = Path.of(run("bin/dev-services", "promtool", "target/tools/prometheus").strip());
  }

  @Test
  void promtoolAcceptsTheRules() throws Exception {
    assertThat(run(promtool.toString(), "check", "rules", MonitoringFiles.RULES.toString()))
        .contains("SUCCESS");
  }

  @Test
  void everyAlertFiresAndStaysQuietWhereItsUnitTestsSay() throws Exception {
    assertThat(run(promtool.toString(), "test", "rules", MonitoringFiles.RULE_TESTS.toString()))
        .contains("SUCCESS");
  }

  @Test
  void everyAlertHasAUnitTestInWhichItFires() throws IOException {
    String tests = Files.readString(MonitoringFiles.RULE_TESTS);
    for (Map<String, Object> alert : MonitoringFiles.alerts()) {
      assertThat(tests)
          .as("a firing test of %s", alert.get("alert"))
          .containsPattern("alertname: " + alert.get("alert") + "\\s+exp_alerts:");
    }
  }

  @Test
  void everyAlertTellsTheOnCallWhatAndWhere() throws IOException {
    Set<String> sections = runbookAnchors();
    for (Map<String, Object> alert : MonitoringFiles.alerts()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> labels = (Map<String, Object>) alert.get("labels");
      @SuppressWarnings("unchecked")
      Map<String, Object> annotations = (Map<String, Object>) alert.get("annotations");
      assertThat(labels.get("severity")).as("%s", alert).isIn("critical", "warning");
      assertThat(annotations.get("summary")).as("%s", alert).isNotNull();
      String url = (String) annotations.get("runbook_url");
      assertThat(url).as("%s", alert).startsWith("docs/runbook.md#");
      assertThat(sections).as("%s", alert).contains(url.substring(url.indexOf('#') + 1));
    }
  }

  /** GitHub's anchors of the runbook's headings (outside code blocks). */
  private static Set<String> runbookAnchors() throws IOException {
    Set<String> anchors = new java.util.HashSet<>();
    boolean inCode = false;
    for (String line : Files.readAllLines(Path.of("docs/runbook.md"))) {
      if (line.startsWith("```")) {
        inCode = !inCode;
      } else if (!inCode && line.startsWith("#")) {
        String heading = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
        anchors.add(heading.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
      }
    }
    return anchors;
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", List.of(command)) + "\n" + output).isZero();
    return output;
  }
}
