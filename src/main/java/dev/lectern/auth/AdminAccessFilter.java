package dev.lectern.auth;

import dev.lectern.platform.error.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Set;

/**
 * The access rule of the whole admin API, in one place: no token 401; {@code admin} reads and
 * writes; {@code operator} reads only; every other role 403. The container has already rejected
 * missing or invalid tokens on these paths (web.xml); this filter decides by role and method.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AdminAccessFilter implements ContainerRequestFilter {

  static final List<String> PROTECTED_PREFIXES = List.of("api/v1/admin", "api/v1/cache");
  private static final Set<String> READS = Set.of("GET", "HEAD");

  @Inject ErrorResponses errors;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!isProtected(request.getUriInfo().getPath())) {
      return;
    }
    SecurityContext security = request.getSecurityContext();
    if (security == null || security.getUserPrincipal() == null) {
      request.abortWith(errors.of(401));
      return;
    }
    boolean allowed =
        security.isUserInRole(Role.ADMIN.claim())
            || (READS.contains(request.getMethod())
                && security.isUserInRole(Role.OPERATOR.claim()));
    if (!allowed) {
      request.abortWith(errors.of(403));
    }
  }

  static boolean isProtected(String path) {
    String normalized = path.startsWith("/") ? path.substring(1) : path;
    return PROTECTED_PREFIXES.stream()
        .anyMatch(p -> normalized.equals(p) || normalized.startsWith(p + "/"));
  }
}
