package dev.lectern.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of deploy/compose without a Docker engine: Lectern is built from this
 * repository's Dockerfile and starts after PostgreSQL 15 and Redis 7 are healthy, every service
 * checks its health and keeps its data in a named volume, and secrets come only from the env file,
 * whose committed example holds placeholders and nothing Lectern would not read.
 */
class ComposeFileTest {

  private static final Path DIR = Path.of("deploy/compose");

  private static Map<String, Object> compose;
  private static Map<String, Object> services;

  @BeforeAll
  static void read() throws IOException {
    compose = new Yaml().load(Files.readString(DIR.resolve("compose.yaml")));
    services = map(compose, "services");
  }

  @Test
  void shouldBuildLecternFromTheRepositorysDockerfile() {
    Map<String, Object> build = map(service("lectern"), "build");
    assertThat(DIR.resolve((String) build.get("context")).resolve("Dockerfile")).exists();
    assertThat(build).doesNotContainKey("dockerfile");
    assertThat(service("postgres").get("image")).asString().startsWith("postgres:15");
    assertThat(service("redis").get("image")).asString().startsWith("redis:7");
  }

  @Test
  void shouldCheckTheHealthOfEveryService() {
    assertThat(services).containsOnlyKeys("lectern", "postgres", "redis");
    for (String name : services.keySet()) {
      Map<String, Object> check = map(service(name), "healthcheck");
      assertThat((List<?>) check.get("test")).as(name).isNotEmpty();
      assertThat(check).as(name).containsKeys("interval", "timeout", "start_period", "retries");
    }
    assertThat(map(service("lectern"), "healthcheck").get("test").toString())
        .contains("http://127.0.0.1:9080/health/ready");
  }

  @Test
  void shouldStartLecternOnceItsDependenciesAreHealthy() {
    Map<String, Object> dependsOn = map(service("lectern"), "depends_on");
    assertThat(dependsOn).containsOnlyKeys("postgres", "redis");
    for (String dependency : dependsOn.keySet()) {
      assertThat(map(dependsOn, dependency)).containsEntry("condition", "service_healthy");
    }
  }

  @Test
  void shouldKeepEveryServicesDataInANamedVolume() {
    Map<String, Object> declared = map(compose, "volumes");
    for (String name : services.keySet()) {
      @SuppressWarnings("unchecked")
      List<String> volumes = (List<String>) service(name).get("volumes");
      assertThat(volumes).as(name).isNotEmpty();
      for (String volume : volumes) {
        assertThat(declared).as("%s: %s", name, volume).containsKey(volume.split(":")[0]);
      }
    }
    @SuppressWarnings("unchecked")
    List<String> lectern = (List<String>) service("lectern").get("volumes");
    assertThat(lectern)
        .contains("backups:/var/lib/lectern/backups", "imports:/var/lib/lectern/imports");
  }

  @Test
  void shouldTakeSecretsOnlyFromTheEnvFile() throws IOException {
    assertThat(service("lectern")).containsEntry("env_file", "lectern.env");
    Map<String, Object> environment = map(service("lectern"), "environment");
    for (String name : environment.keySet()) {
      assertThat(ConfigurationKeys.readByLectern(name)).as("%s is a setting", name).isTrue();
      assertThat(ConfigurationKeys.secretLooking(name))
          .as("%s set in compose.yaml", name)
          .isFalse();
    }
    Map<String, Object> postgres = map(service("postgres"), "environment");
    assertThat(postgres.get("POSTGRES_PASSWORD")).asString().startsWith("${DB_PASSWORD:?");
    assertThat(Files.readString(Path.of(".gitignore"))).contains("deploy/compose/lectern.env");
  }

  @Test
  void shouldShipAnExampleEnvFileWithPlaceholdersOnly() throws IOException {
    Map<String, String> example = new LinkedHashMap<>();
    for (String line : Files.readAllLines(DIR.resolve("lectern.env.example"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        example.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
      }
    }
    assertThat(example.keySet())
        .containsAll(ConfigurationKeys.SECRETS)
        .contains("LECTERN_PUBLIC_URL")
        .allMatch(ConfigurationKeys::readByLectern);
    example.forEach(
        (name, value) -> {
          if (ConfigurationKeys.secretLooking(name)) {
            assertThat(value).as(name).isEqualTo("<generate>");
          }
        });
  }

  private static Map<String, Object> service(String name) {
    return map(services, name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    assertThat(parent).containsKey(key);
    return (Map<String, Object>) parent.get(key);
  }
}
