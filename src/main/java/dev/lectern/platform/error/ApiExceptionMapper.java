package dev.lectern.platform.error;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Renders failures that services raised on purpose. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

  @Inject ErrorResponses errors;

  @Override
  public Response toResponse(ApiException failure) {
    Response.ResponseBuilder response = Response.fromResponse(errors.of(failure));
    if (failure.status() == 503 && !failure.headers().containsKey("Retry-After")) {
      response.header("Retry-After", "5");
    }
    failure.headers().forEach(response::header);
    return response.build();
  }
}
