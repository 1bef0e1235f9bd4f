package dev.lectern.auth;

import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.RoutePolicies;
import dev.lectern.platform.error.ErrorResponses;
import dev.lectern.platform.identity.TokenClaims;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The access rule of every route, decided on the resource method that routing matched: its {@link
 * Access} names the callers it admits. No token where one is needed is 401, a caller the method
 * does not admit 403, and a method that declares nothing admits nobody. The container has already
 * rejected invalid tokens (web.xml); this filter decides by who the token says is calling.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RouteAccessFilter implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(RouteAccessFilter.class.getName());

  @Inject ErrorResponses errors;
  @Context ResourceInfo route;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!RoutePolicies.matched(route)) {
      return;
    }
    Optional<Access> access = RoutePolicies.declared(route, Access.class);
    if (access.isEmpty()) {
      LOG.severe(
          () ->
              "No access declared on "
                  + route.getResourceClass().getSimpleName()
                  + "."
                  + route.getResourceMethod().getName()
                  + ": refusing every caller.");
    }
    Set<Caller> admitted = EnumSet.noneOf(Caller.class);
    access.ifPresent(a -> admitted.addAll(List.of(a.value())));
    if (admitted.contains(Caller.ANYONE)) {
      return;
    }
    SecurityContext security = request.getSecurityContext();
    if (security == null || security.getUserPrincipal() == null) {
      request.abortWith(errors.of(401));
      return;
    }
    if (callerKinds(security).stream().noneMatch(admitted::contains)) {
      request.abortWith(errors.of(403));
    }
  }

  /** What the token makes its bearer: an API client, or an account with its roles. */
  static Set<Caller> callerKinds(SecurityContext security) {
    if (!(security.getUserPrincipal() instanceof JsonWebToken)) {
      // Only Lectern's own bearer tokens make a caller; any other principal is nobody here.
      return EnumSet.noneOf(Caller.class);
    }
    if (TokenClaims.clientIdOf(security.getUserPrincipal()).isPresent()) {
      return TokenClaims.isApiClient(security.getUserPrincipal())
          ? EnumSet.of(Caller.API_CLIENT)
          : EnumSet.noneOf(Caller.class);
    }
    Set<Caller> kinds = EnumSet.of(Caller.ACCOUNT);
    if (security.isUserInRole(Role.ADMIN.claim())) {
      kinds.add(Caller.ADMIN);
    }
    if (security.isUserInRole(Role.OPERATOR.claim())) {
      kinds.add(Caller.OPERATOR);
    }
    return kinds;
  }
}
