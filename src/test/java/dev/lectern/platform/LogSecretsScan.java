package dev.lectern.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.TestEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after every integration test (its own failsafe execution): no configured secret appears in
 * any log written by the servers of this run, whatever the tests made them do.
 */
class LogSecretsScan {

  @Test
  void noConfiguredSecretIsInAnyLog() throws IOException {
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("LECTERN_MASTER_KEY", TestEnvironment.masterKey());
    secrets.put("LECTERN_ADMIN_PASSWORD", TestEnvironment.adminPassword());
    secrets.put("DB_PASSWORD", System.getenv("DB_PASSWORD"));
    secrets.put("keystore_password", keystorePassword());
    secrets.values().removeIf(v -> v == null || v.length() < 8);
    assertThat(secrets).containsKeys("LECTERN_MASTER_KEY", "LECTERN_ADMIN_PASSWORD");

    List<Path> logs = logs();
    assertThat(logs).as("logs of this run").isNotEmpty();
    List<String> leaks = new ArrayList<>();
    for (Path log : logs) {
      String text = Files.readString(log, StandardCharsets.ISO_8859_1);
      secrets.forEach(
          (name, value) -> {
            if (text.contains(value)) {
              leaks.add(name + " in " + log);
            }
          });
    }
    assertThat(leaks).as("secrets found in logs").isEmpty();
  }

  /** Every file under each server's {@code logs} directory, and each server's console output. */
  private static List<Path> logs() throws IOException {
    Path servers = TestEnvironment.libertyDir().resolve("usr/servers");
    try (Stream<Path> files = Files.walk(servers)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f ->
                  f.toString().contains("/logs/")
                      || f.getFileName().toString().equals("console.log"))
          .toList();
    }
  }

  private static String keystorePassword() throws IOException {
    Path env =
        TestEnvironment.libertyDir()
            .resolve("usr/servers")
            .resolve(TestEnvironment.serverName())
            .resolve("server.env");
    if (!Files.exists(env)) {
      return null;
    }
    return Files.readAllLines(env).stream()
        .filter(l -> l.startsWith("keystore_password="))
        .map(l -> l.substring("keystore_password=".length()).strip())
        .findFirst()
        .orElse(null);
  }
}
