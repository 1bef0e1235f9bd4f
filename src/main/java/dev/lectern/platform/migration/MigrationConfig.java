package dev.lectern.platform.migration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Configuration of the background migrator. */
@ApplicationScoped
public class MigrationConfig {

  @Inject
  @ConfigProperty(name = "LECTERN_MIGRATION_RETRY_SECONDS", defaultValue = "2")
  long retrySeconds;

  /** Pause between two attempts while the database is unreachable or a migration fails. */
  public Duration retryInterval() {
    return Duration.ofSeconds(Math.max(1, retrySeconds));
  }
}
