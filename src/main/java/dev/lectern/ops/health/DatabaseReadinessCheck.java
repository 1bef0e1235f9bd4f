package dev.lectern.ops.health;

import dev.lectern.platform.migration.SchemaMigrator;
import dev.lectern.platform.migration.SchemaStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * PostgreSQL is required: a replica is ready only when a query answers and the schema is migrated
 * to exactly what this code expects.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  @Inject DependencyChecks checks;
  @Inject SchemaMigrator migrator;

  @Override
  public HealthCheckResponse call() {
    ProbeResult ping = checks.database();
    SchemaStatus schema = migrator.status();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("database")
            .status(ping.up() && schema.isReady())
            .withData("latencyMs", ping.latencyMs())
            .withData("schema", schema.state().name().toLowerCase(Locale.ROOT));
    if (schema.version() != null) {
      response.withData("schemaVersion", schema.version());
    }
    if (!ping.up()) {
      response.withData("reason", "database unreachable: " + ping.error());
    } else if (!schema.isReady()) {
      response.withData("reason", schema.reason());
    }
    return response.build();
  }
}
