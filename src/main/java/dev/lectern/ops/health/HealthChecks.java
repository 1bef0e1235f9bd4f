package dev.lectern.ops.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Runs the same MicroProfile checks that back {@code /health/live} and {@code /health/ready}, so
 * the aliases can never disagree with them.
 */
@ApplicationScoped
public class HealthChecks {

  @Inject @Liveness @Any Instance<HealthCheck> liveness;
  @Inject @Readiness @Any Instance<HealthCheck> readiness;

  public List<HealthCheckResponse> liveness() {
    return run(liveness);
  }

  public List<HealthCheckResponse> readiness() {
    return run(readiness);
  }

  public static boolean allUp(List<HealthCheckResponse> responses) {
    return responses.stream().allMatch(r -> r.getStatus() == HealthCheckResponse.Status.UP);
  }

  private static List<HealthCheckResponse> run(Instance<HealthCheck> checks) {
    List<HealthCheckResponse> responses = new ArrayList<>();
    for (HealthCheck check : checks) {
      responses.add(check.call());
    }
    return responses;
  }
}
