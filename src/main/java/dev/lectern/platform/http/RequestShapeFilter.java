package dev.lectern.platform.http;

import dev.lectern.platform.error.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Refuses with 400, before routing and before any work, a request that routing and a reader would
 * see differently: a path with matrix parameters ({@code ;}), which routing ignores, or with
 * separators, dots or control characters hidden behind percent-encoding, which Lectern's paths
 * never need; and a {@code Host} header that is not a host name or address with an optional port,
 * from which no URL Lectern writes may be built.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 1000)
public class RequestShapeFilter implements ContainerRequestFilter {

  @Inject ErrorResponses errors;
  @Context HttpServletRequest servletRequest;

  /**
   * The Host header comes first: JAX-RS builds the request's URI from it, which a malformed one
   * makes fail. The path is read as the client sent it, still encoded.
   */
  @Override
  public void filter(ContainerRequestContext request) {
    if (!PathShapes.isHost(request.getHeaderString("Host"))) {
      request.abortWith(
          errors.of(
              400,
              "malformed_host",
              "The Host header must be a host name or address, with an optional port.",
              List.of()));
    } else if (PathShapes.isAmbiguous(servletRequest.getRequestURI())) {
      request.abortWith(
          errors.of(
              400,
              "malformed_path",
              "The path carries matrix parameters or an encoded separator; send it plainly.",
              List.of()));
    }
  }
}
