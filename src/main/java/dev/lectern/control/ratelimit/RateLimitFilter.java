package dev.lectern.control.ratelimit;

import dev.lectern.control.policy.RateExempt;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.control.policy.RoutePolicies;
import dev.lectern.platform.http.ClientAddress;
import dev.lectern.platform.identity.TokenClaims;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;

/**
 * Applies the tier of each API request once the caller is known (after authentication), as the
 * matched resource method declares it ({@link RateTier} or {@link RateExempt}), and adds the {@code
 * RateLimit-Policy} and {@code RateLimit} headers to every limited response, refusals included. A
 * caller exempt from the tier (a trusted network or API client) is not counted at all.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

  @Inject RateLimitGuard guard;
  @Inject RateLimitExemptions exemptions;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest servletRequest;
  @Context ResourceInfo route;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!RoutePolicies.matched(route)) {
      return;
    }
    Principal principal = request.getSecurityContext().getUserPrincipal();
    Optional<String> clientId = TokenClaims.clientIdOf(principal);
    RateLimitRules.Caller caller =
        clientId.isPresent()
            ? RateLimitRules.Caller.API_KEY
            : principal == null ? RateLimitRules.Caller.ANONYMOUS : RateLimitRules.Caller.USER;
    Optional<RateLimitTier> tier =
        RateLimitRules.tier(
            RoutePolicies.declared(route, RateTier.class).map(RateTier::value),
            RoutePolicies.declared(route, RateExempt.class).isPresent(),
            caller);
    if (tier.isEmpty()) {
      return;
    }
    if (exemptions.exempt(tier.get(), clientAddress.of(servletRequest), clientId.orElse(null))) {
      return;
    }
    String key =
        switch (caller) {
          case API_KEY -> "client:" + clientId.get();
          case USER -> "user:" + principal.getName();
          case ANONYMOUS -> "ip:" + clientAddress.of(servletRequest);
        };
    guard.enforce(tier.get(), key);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    guard
        .decision()
        .ifPresent(
            decision -> {
              response
                  .getHeaders()
                  .putSingle("RateLimit-Policy", decision.policy().header(decision.tier()));
              response.getHeaders().putSingle("RateLimit", decision.header());
            });
  }
}
