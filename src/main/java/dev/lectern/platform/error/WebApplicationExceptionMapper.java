package dev.lectern.platform.error;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Renders the JAX-RS runtime's own failures (unknown path, wrong method, unsupported media type,
 * unreadable body) in the platform shape, keeping headers such as {@code Allow}.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Inject ErrorResponses errors;
  @Inject UnexpectedFailures unexpected;

  @Override
  public Response toResponse(WebApplicationException failure) {
    Response original = failure.getResponse();
    int status = original.getStatus();
    if (status >= 500) {
      return unexpected.toResponse(failure);
    }
    var deliberate = UnexpectedFailures.deliberateCause(failure.getCause());
    if (deliberate.isPresent()) {
      // A failure Lectern raised where JAX-RS demands its own exception type (parameter
      // converters), or that a body reader wrapped (a body limit passed while reading JSON):
      // the deliberate code and message are the answer.
      return errors.of(deliberate.get());
    }
    Response.ResponseBuilder builder = Response.fromResponse(errors.of(status));
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")
                  && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> builder.header(name, value));
              }
            });
    return builder.build();
  }
}
