package dev.lectern.ops.health;

import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateExempt;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * {@code /healthz} and {@code /readyz}, the probe names the seed runbooks and load balancers use.
 */
@Access(Caller.ANYONE)
@RateExempt("Probes answer orchestrators whatever the load.")
@ModePolicy(ModeExposure.ALWAYS_OPEN)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeAliasResource {

  @Inject HealthChecks health;

  @GET
  @Path("healthz")
  public Response liveness() {
    boolean up = HealthChecks.allUp(health.liveness());
    return Response.status(up ? 200 : 503)
        .entity(Map.of("status", up ? "healthy" : "unhealthy"))
        .build();
  }

  @GET
  @Path("readyz")
  public Response readiness() {
    List<HealthCheckResponse> checks = health.readiness();
    boolean up = HealthChecks.allUp(checks);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", up ? "ready" : "not_ready");
    body.put("checks", HealthViews.byName(checks));
    return Response.status(up ? 200 : 503).entity(body).build();
  }
}
