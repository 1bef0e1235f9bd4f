package dev.lectern.control.audit;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Writes the audit row of every request routed to an {@link Audited} method, once the answer is
 * known: after the method ran, or after a filter refused the caller, so refusals are recorded as
 * well as successes and failures. The row is written in its own transaction; if it cannot be, the
 * answer the caller gets does not change.
 */
@Provider
@Priority(Priorities.USER)
public class AuditedRouteFilter implements ContainerResponseFilter {

  private static final Logger LOG = Logger.getLogger(AuditedRouteFilter.class.getName());

  @Context ResourceInfo route;
  @Inject AuditService audit;
  @Inject AuditTrail trail;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Method method = route == null ? null : route.getResourceMethod();
    Audited audited = method == null ? null : method.getAnnotation(Audited.class);
    int status = response.getStatus();
    if (audited == null || status == 401 || status == 429) {
      return;
    }
    AuditOutcome outcome = trail.outcome().orElseGet(() -> outcomeOf(status));
    String target = trail.target().orElseGet(() -> pathTarget(request));
    try {
      audit.record(audited.value(), target, outcome);
    } catch (RuntimeException e) {
      LOG.warning(() -> "Audit row of " + audited.value() + " not written: " + e);
    }
  }

  static AuditOutcome outcomeOf(int status) {
    if (status < 400) {
      return AuditOutcome.SUCCESS;
    }
    return status == 403 ? AuditOutcome.DENIED : AuditOutcome.FAILURE;
  }

  /** The route's path parameters in order ({@code users/u-1}), or none. */
  private static String pathTarget(ContainerRequestContext request) {
    List<String> values =
        request.getUriInfo().getPathParameters().values().stream().flatMap(List::stream).toList();
    return values.isEmpty() ? null : values.stream().collect(Collectors.joining("/"));
  }
}
