package dev.lectern.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.TestEnvironment;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProductionSecretsIT {

  private static final String WEAK_KEY = "weak-master-key-1234";

  @Test
  void shouldRefuseToStartWithWeakSecretsOrNoPublicUrlNamingThemButNotTheirValues() {
    try (LecternServer server =
        new LecternServer("production-weak")
            .with("LECTERN_MODE", "production")
            .with("LECTERN_MASTER_KEY", WEAK_KEY)
            .without("DB_PASSWORD")
            .launch()) {
      Eventually.within(
          Duration.ofSeconds(120),
          () -> server.messages().contains("LECTERN_MODE=production refuses to start"),
          () -> "no refusal in messages.log");
      String log = server.messages();
      assertThat(log)
          .contains("LECTERN_MASTER_KEY is shorter than 32 bytes")
          .contains("DB_PASSWORD is not set")
          .contains("LECTERN_PUBLIC_URL is not set")
          .doesNotContain(WEAK_KEY);
      // Whether or not the port is open yet, nothing is served.
      assertThat(status(server, "/api/v1/health")).isNotEqualTo(200);
      assertThat(status(server, "/health/ready")).isNotEqualTo(200);
    }
  }

  private static int status(LecternServer server, String path) {
    try {
      return server.http().get(path).status();
    } catch (UncheckedIOException refused) {
      return -1;
    }
  }

  @Test
  void shouldStartInProductionWithStrongSecrets() {
    try (LecternServer server =
        new LecternServer("production-strong")
            .with("LECTERN_MODE", "production")
            .with("LECTERN_MASTER_KEY", TestEnvironment.masterKey())
            // The test PostgreSQL trusts local connections, so any strong password connects.
            .with("DB_PASSWORD", "a-database-password-of-forty-characters!")
            .with("LECTERN_PUBLIC_URL", "https://lectern.district.example")
            .start()
            .awaitReady()) {
      assertThat(server.messages()).doesNotContain("refuses to start");
    }
  }
}
