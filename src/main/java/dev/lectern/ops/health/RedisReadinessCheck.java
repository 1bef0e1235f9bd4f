package dev.lectern.ops.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Redis is optional: without it Lectern serves from in-memory fallbacks, so the check stays UP and
 * says {@code "mode":"fallback"}. A Redis blink must never take every replica out of the load
 * balancer at once.
 */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements HealthCheck {

  @Inject DependencyChecks checks;

  @Override
  public HealthCheckResponse call() {
    ProbeResult ping = checks.redis();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("redis")
            .up()
            .withData("mode", ping.up() ? "redis" : "fallback")
            .withData("latencyMs", ping.latencyMs());
    if (!ping.up()) {
      response.withData("reason", ping.error());
    }
    return response.build();
  }
}
