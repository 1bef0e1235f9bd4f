package dev.lectern.roster.access;

import dev.lectern.auth.ApiKeyService;
import dev.lectern.auth.ApiKeyUsageRecorder;
import dev.lectern.auth.OneRosterScope;
import dev.lectern.auth.Role;
import dev.lectern.platform.error.ErrorResponses;
import dev.lectern.platform.identity.TokenClaims;
import dev.lectern.platform.request.RequestIdFilter;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decides who is calling the OneRoster API. A client-credentials token is only as good as its key:
 * the key is looked up on every request (cached briefly), so a revoked or expired key stops working
 * at once, and its scopes and org boundary apply. Admin and operator tokens read the whole district
 * for support. Every use of a key is recorded after the response. It runs for the operations marked
 * {@link OneRosterScoped}, after {@code RouteAccessFilter} has admitted the caller.
 */
@Provider
@OneRosterScoped
@Priority(Priorities.AUTHORIZATION + 10)
public class OneRosterAccessFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String KEY_PROPERTY = OneRosterAccessFilter.class.getName() + ".key";

  @Inject OneRosterCaller caller;
  @Inject ApiKeyService apiKeys;
  @Inject ApiKeyUsageRecorder usage;
  @Inject OrgTree orgTree;
  @Inject ErrorResponses errors;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    SecurityContext security = request.getSecurityContext();
    Optional<String> clientId = TokenClaims.clientIdOf(security.getUserPrincipal());
    if (clientId.isPresent() && security.getUserPrincipal() instanceof JsonWebToken token) {
      Optional<ApiKeyService.ActiveKey> key = apiKeys.active(clientId.get());
      if (key.isEmpty() || !token.getGroups().contains(TokenClaims.CLIENT_GROUP)) {
        request.abortWith(
            errors.of(401, "unauthorisedrequest", "The API key is revoked or expired.", List.of()));
        return;
      }
      request.setProperty(KEY_PROPERTY, key.get().id());
      caller.establish(
          scopes(token.getClaim("scope"), key.get().scopes()),
          key.get().orgs().map(orgTree::withDescendants));
      caller.establishClient(clientId.get(), key.get().orgs().orElse(List.of()));
    } else if (security.isUserInRole(Role.ADMIN.claim())
        || security.isUserInRole(Role.OPERATOR.claim())) {
      caller.establish(EnumSet.allOf(OneRosterScope.class), Optional.empty());
    } else {
      // RouteAccessFilter admits nobody else to these operations; refuse if that ever changes.
      request.abortWith(errors.of(403));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(KEY_PROPERTY) instanceof UUID keyId) {
      usage.record(
          keyId,
          request.getMethod() + " /" + request.getUriInfo().getPath(),
          response.getStatus(),
          RequestIdFilter.idOf(servletRequest));
    }
  }

  /** Scopes both in the token and still granted to the key. */
  private static Set<OneRosterScope> scopes(Object tokenScope, List<String> keyScopes) {
    Set<OneRosterScope> scopes = EnumSet.noneOf(OneRosterScope.class);
    if (tokenScope != null) {
      for (String uri : tokenScope.toString().split("\\s+")) {
        if (keyScopes.contains(uri)) {
          OneRosterScope.fromUri(uri).ifPresent(scopes::add);
        }
      }
    }
    return scopes;
  }
}
