package dev.lectern.control.mode;

import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RoutePolicies;
import dev.lectern.platform.error.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Refuses what the current mode does not accept with 503, {@code Retry-After} and the error shape
 * (imsx on OneRoster paths), before authentication: a maintenance costs nothing per request. What a
 * mode refuses is decided by the {@link ModePolicy} of the resource method routing matched.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class ModeFilter implements ContainerRequestFilter {

  @Inject ModeService modes;
  @Inject ErrorResponses errors;
  @Context ResourceInfo route;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!RoutePolicies.matched(route)) {
      return;
    }
    OperatingMode mode = modes.effective();
    ModeExposure exposure =
        RoutePolicies.declared(route, ModePolicy.class)
            .map(ModePolicy::value)
            .orElse(ModeExposure.SERVICE);
    if (!ModeRules.refuses(mode, request.getMethod(), exposure)) {
      return;
    }
    ModeState state = modes.current();
    String message =
        (mode == OperatingMode.READ_ONLY
                ? "Lectern is read-only: reads work, changes are refused"
                : "Lectern is in maintenance")
            + (state.reason() == null ? "" : " (" + state.reason() + ")")
            + (state.until() == null ? "." : " until " + state.until() + ".");
    String code = mode == OperatingMode.READ_ONLY ? "read_only" : "maintenance";
    long retry =
        state.until() == null
            ? 60
            : Math.max(1, Duration.between(Instant.now(), state.until()).toSeconds());
    request.abortWith(
        Response.fromResponse(errors.of(503, code, message, List.of()))
            .header("Retry-After", Long.toString(retry))
            .build());
  }
}
