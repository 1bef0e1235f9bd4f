package dev.lectern.auth;

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
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses access tokens of platform accounts issued before the last lockdown, or before their
 * account was disabled, lost a role, had its password changed or reset, or signed out everywhere;
 * and tokens of accounts that no longer exist. Client-credentials tokens are judged by their API
 * key instead (a lockdown with {@code apiKeys} revokes the keys).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccountTokenFilter implements ContainerRequestFilter {

  @Inject LockdownClock lockdown;
  @Inject AccountTokens accounts;
  @Inject ErrorResponses errors;
  @Context ResourceInfo route;

  /**
   * Routes open to anyone (signing in, refreshing) are not judged by a token they do not need: a
   * client that still sends its revoked token must be able to sign in again.
   */
  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)
        || TokenClaims.clientIdOf(token).isPresent()
        || RoutePolicies.admits(route, Caller.ANYONE)) {
      return;
    }
    long issuedAt = TokenClaims.issuedAtMillis(token);
    if (lockdown.revokes(issuedAt)) {
      request.abortWith(
          errors.of(
              401,
              "session_revoked",
              "This token was issued before a security lockdown; sign in again.",
              List.of()));
    } else if (!accounts.stands(token.getName(), issuedAt)) {
      request.abortWith(
          errors.of(
              401,
              "session_revoked",
              "This account was disabled or changed, or signed out everywhere, after this token"
                  + " was issued; sign in again.",
              List.of()));
    }
  }
}
