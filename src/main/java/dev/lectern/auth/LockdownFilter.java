package dev.lectern.auth;

import dev.lectern.platform.error.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses access tokens of platform accounts issued before the last lockdown. Client-credentials
 * tokens are judged by their API key instead (a lockdown with {@code apiKeys} revokes the keys).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class LockdownFilter implements ContainerRequestFilter {

  @Inject LockdownService lockdown;
  @Inject ErrorResponses errors;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token
        && AccessTokenIssuer.clientIdOf(token).isEmpty()
        && lockdown.revokes(token.getIssuedAtTime())) {
      request.abortWith(
          errors.of(
              401,
              "session_revoked",
              "This token was issued before a security lockdown; sign in again.",
              List.of()));
    }
  }
}
