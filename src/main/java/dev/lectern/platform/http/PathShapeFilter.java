package dev.lectern.platform.http;

import dev.lectern.platform.error.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Refuses with 400, before routing and before any work, a path that routing and a reader of the
 * path would see differently: matrix parameters ({@code ;}), which routing ignores, and separators,
 * dots or control characters hidden behind percent-encoding. Lectern's paths never need them.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 1000)
public class PathShapeFilter implements ContainerRequestFilter {

  @Inject ErrorResponses errors;

  @Override
  public void filter(ContainerRequestContext request) {
    if (PathShapes.isAmbiguous(request.getUriInfo().getRequestUri().getRawPath())) {
      request.abortWith(
          errors.of(
              400,
              "malformed_path",
              "The path carries matrix parameters or an encoded separator; send it plainly.",
              List.of()));
    }
  }
}
