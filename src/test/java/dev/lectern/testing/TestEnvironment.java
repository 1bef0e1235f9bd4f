package dev.lectern.testing;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code bin/dev test} and the Maven build hand to the tests: the server under test, the run's
 * own database and Redis prefix, and where Liberty and the project live.
 */
public final class TestEnvironment {

  private TestEnvironment() {}

  public static String baseUrl() {
    return "http://localhost:" + required("HTTP_PORT");
  }

  /** JDBC URL of this run's database, the one the server under test uses. */
  public static String databaseUrl() {
    return required("DB_URL");
  }

  public static String databaseUser() {
    return optional("DB_USER").orElse("postgres");
  }

  public static String databasePassword() {
    return optional("DB_PASSWORD").orElse("");
  }

  public static String pgHost() {
    return optional("LECTERN_TEST_PG_HOST").orElse("127.0.0.1");
  }

  public static int pgPort() {
    return Integer.parseInt(optional("LECTERN_TEST_PG_PORT").orElse("5432"));
  }

  /** Prefix of every extra database a test creates, so the run's cleanup drops it. */
  public static String databasePrefix() {
    return "lectern_it_" + required("LECTERN_IT_RUN_ID");
  }

  public static String redisUrl() {
    return required("REDIS_URL");
  }

  public static String redisKeyPrefix() {
    return required("REDIS_KEY_PREFIX");
  }

  public static String adminPassword() {
    return required("LECTERN_ADMIN_PASSWORD");
  }

  public static String masterKey() {
    return required("LECTERN_MASTER_KEY");
  }

  public static Path libertyDir() {
    return Path.of(System.getProperty("lectern.liberty.dir", "target/liberty/wlp"));
  }

  public static String serverName() {
    return System.getProperty("lectern.server.name", "lectern");
  }

  public static Path projectDir() {
    return Path.of(System.getProperty("lectern.project.dir", "."));
  }

  /** The script that starts private PostgreSQL and Redis instances. */
  public static Path devServices() {
    return optional("LECTERN_DEV_SERVICES")
        .map(Path::of)
        .orElse(projectDir().resolve("bin/dev-services"));
  }

  static String required(String name) {
    return optional(name)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    name + " is not set: run the integration tests with 'bin/dev test'"));
  }

  static Optional<String> optional(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isEmpty());
  }
}
