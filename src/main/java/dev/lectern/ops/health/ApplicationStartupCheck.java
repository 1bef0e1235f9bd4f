package dev.lectern.ops.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Started means the application is deployed and its beans initialised, nothing more: a pod waiting
 * for PostgreSQL must not be killed by its startup probe.
 */
@org.eclipse.microprofile.health.Startup
@ApplicationScoped
public class ApplicationStartupCheck implements HealthCheck {

  private volatile boolean started;

  void onStartup(@Observes jakarta.enterprise.event.Startup event) {
    started = true;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("application").status(started).build();
  }
}
