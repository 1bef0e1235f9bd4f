package bench.minimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the database answers through JPA, as Lectern's readiness needs its database. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Inject GreetingService service;

  @Override
  public HealthCheckResponse call() {
    try {
      service.greet();
      return HealthCheckResponse.up("database");
    } catch (RuntimeException e) {
      return HealthCheckResponse.down("database");
    }
  }
}
