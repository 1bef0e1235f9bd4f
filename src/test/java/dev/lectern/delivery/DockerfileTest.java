package dev.lectern.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.delivery.DockerfileInstructions.Instruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the image without a Docker engine (none runs here): a Maven stage builds
 * from a clone, the final stage is the official Liberty image of the pom's version run as uid 1001,
 * its health check asks a probe Lectern serves, and it holds no secret and sets no variable Lectern
 * would not read.
 */
class DockerfileTest {

  private static final Pattern VARIABLE =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)");

  private static String text;
  private static DockerfileInstructions dockerfile;
  private static int last;

  @BeforeAll
  static void read() throws IOException {
    text = Files.readString(Path.of("Dockerfile"));
    dockerfile = DockerfileInstructions.parse(text);
    last = dockerfile.finalStage();
  }

  @Test
  void shouldBuildTheServerInAMavenStage() {
    assertThat(last).isEqualTo(1);
    assertThat(dockerfile.in(0, "FROM"))
        .extracting(Instruction::arguments)
        .containsExactly("maven:3.9-eclipse-temurin-17 AS build");
    String build =
        String.join("\n", dockerfile.in(0, "RUN").stream().map(Instruction::arguments).toList());
    assertThat(build).contains("package liberty:create liberty:deploy");
    // The pom alone comes first, so that its dependency layer outlives source changes.
    List<Instruction> copies = dockerfile.in(0, "COPY");
    assertThat(copies.get(0).arguments()).isEqualTo("pom.xml ./");
    assertThat(dockerfile.all().indexOf(dockerfile.in(0, "RUN").get(0)))
        .isLessThan(dockerfile.all().indexOf(copies.get(1)));
  }

  @Test
  void shouldRunOnTheOfficialLibertyImageOfThePomsVersion() throws IOException {
    String liberty =
        first(Files.readString(Path.of("pom.xml")), "<liberty.runtime.version>([^<]+)</");
    assertThat(first(text, "(?m)^ARG LIBERTY_VERSION=(\\S+)")).isEqualTo(liberty);
    assertThat(dockerfile.in(last, "FROM"))
        .extracting(Instruction::arguments)
        .containsExactly(
            "icr.io/appcafe/open-liberty:${LIBERTY_VERSION}-kernel-slim-java17-openj9-ubi");
    assertThat(dockerfile.in(last, "RUN"))
        .extracting(Instruction::arguments)
        .contains("ADMIN_CENTER=on features.sh", "configure.sh");
    assertThat(dockerfile.last(last, "USER")).map(Instruction::arguments).contains("1001");
    assertThat(dockerfile.in(last, "EXPOSE"))
        .extracting(Instruction::arguments)
        .containsExactly("9080 9443");
  }

  @Test
  void shouldCopyTheServersConfigurationLibrariesApplicationAndBillOfMaterials() {
    String copies =
        String.join(
            "\n", dockerfile.in(last, "COPY").stream().map(Instruction::arguments).toList());
    for (String copied :
        List.of(
            "server.xml", "admin-center-on.xml", "admin-center-off.xml", "bootstrap.properties")) {
      assertThat(Path.of("src/main/liberty/config", copied)).exists();
      assertThat(copies).contains("src/main/liberty/config/" + copied);
    }
    assertThat(copies)
        .contains("--from=build --chown=1001:0 ${SERVER_DIR}/lib/ /config/lib/")
        .contains("/build/target/lectern.war /config/apps/lectern.war")
        .contains("/build/target/bom.json");
    assertThat(text).contains("dev.lectern.sbom=\"/opt/lectern/sbom/bom.json\"");
  }

  @Test
  void shouldCheckHealthOnAProbeLecternServes() throws IOException {
    List<Instruction> checks = dockerfile.in(last, "HEALTHCHECK");
    assertThat(checks).hasSize(1);
    String path =
        first(checks.get(0).arguments(), "http://127\\.0\\.0\\.1:\\$\\{HTTP_PORT:-9080}(/\\S+?)\"");
    // The runbook's table of probes is the list of paths Lectern serves (RunbookIT calls them).
    assertThat(Files.readString(Path.of("docs/runbook.md"))).contains("| `GET " + path + "` |");
    assertThat(path).isEqualTo("/health/live");
  }

  @Test
  void shouldHoldNoSecret() {
    for (Instruction setting : settings()) {
      Matcher assignments = VARIABLE.matcher(setting.arguments());
      while (assignments.find()) {
        assertThat(ConfigurationKeys.secretLooking(assignments.group(1)))
            .as("%s %s assigns a value to a secret", setting.keyword(), assignments.group(1))
            .isFalse();
      }
    }
    for (String secret : ConfigurationKeys.SECRETS) {
      assertThat(text).doesNotContain(secret);
    }
  }

  @Test
  void shouldSetOnlyVariablesLecternReads() {
    List<Instruction> env = dockerfile.in(last, "ENV");
    assertThat(env).isNotEmpty();
    for (Instruction setting : env) {
      Matcher assignments = VARIABLE.matcher(setting.arguments());
      while (assignments.find()) {
        assertThat(ConfigurationKeys.readByLectern(assignments.group(1)))
            .as("ENV %s is a setting of docs/configuration.md", assignments.group(1))
            .isTrue();
      }
    }
  }

  @Test
  void shouldSendTheEngineOnlyWhatTheBuildReads() throws IOException {
    DockerIgnore ignore = DockerIgnore.parse(Files.readString(Path.of(".dockerignore")));
    for (String kept :
        List.of(
            ".git/config",
            "target/lectern.war",
            ".lectern-dev/secrets.env",
            "deploy/compose/lectern.env",
            "bench/results/latest.txt",
            "docs/console-screenshots/jobs.png",
            "node_modules/x/index.js",
            ".idea/workspace.xml")) {
      assertThat(ignore.excludes(kept)).as("%s left out of the build context", kept).isTrue();
    }
    assertThat(ignore.excludes("pom.xml")).isFalse();
    for (Instruction copy : dockerfile.all("COPY")) {
      if (copy.arguments().contains("--from=")) {
        continue;
      }
      List<String> words =
          List.of(copy.arguments().split("\\s+")).stream()
              .filter(w -> !w.startsWith("--"))
              .toList();
      for (String source : words.subList(0, words.size() - 1)) {
        assertThat(ignore.excludes(source)).as("COPY %s reaches the engine", source).isFalse();
        assertThat(Path.of(source)).exists();
      }
    }
  }

  private static List<Instruction> settings() {
    return dockerfile.all().stream()
        .filter(i -> i.keyword().equals("ENV") || i.keyword().equals("ARG"))
        .toList();
  }

  private static String first(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as("%s found", regex).isTrue();
    return matcher.group(1);
  }
}
