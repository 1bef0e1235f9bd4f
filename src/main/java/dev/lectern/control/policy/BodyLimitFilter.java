package dev.lectern.control.policy;

import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.error.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Applies the {@link BodyLimit} of the matched resource method, after the caller was admitted and
 * before any of the body is read: a body declared larger is refused at once, one without a declared
 * length as soon as it passes the limit, so an anonymous caller cannot make a replica buffer
 * megabytes for a sign-in.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 200)
public class BodyLimitFilter implements ContainerRequestFilter {

  @Inject ErrorResponses errors;
  @Context ResourceInfo route;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!RoutePolicies.matched(route) || !request.hasEntity()) {
      return;
    }
    int limit =
        RoutePolicies.declared(route, BodyLimit.class)
            .map(BodyLimit::value)
            .orElse(BodyLimit.DEFAULT);
    if (limit == BodyLimit.OWN_LIMIT) {
      return;
    }
    if (request.getLength() > limit) {
      request.abortWith(errors.of(tooLarge(limit)));
      return;
    }
    if (request.getMediaType() != null
        && request.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      // The container parses forms from its own stream, which wrapping would take from it: a form
      // must declare its length instead.
      if (request.getLength() < 0) {
        request.abortWith(
            errors.of(
                new ApiException(411, "length_required", "Send a form with its Content-Length.")));
      }
      return;
    }
    request.setEntityStream(new Bounded(request.getEntityStream(), limit));
  }

  private static ApiException tooLarge(int limit) {
    return new ApiException(
        413,
        "payload_too_large",
        "The body is larger than this endpoint reads (" + limit + " bytes).");
  }

  /** The body, failing with 413 once it passes the limit. */
  private static final class Bounded extends FilterInputStream {

    private final int limit;
    private long read;

    Bounded(InputStream in, int limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit) {
        ApiException failure = tooLarge(limit);
        throw new WebApplicationException(failure.getMessage(), failure, 413);
      }
    }
  }
}
