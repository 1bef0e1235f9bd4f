package dev.lectern.platform.error;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Last resort for any failure no other mapper claims. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  @Inject UnexpectedFailures unexpected;

  @Override
  public Response toResponse(Throwable failure) {
    return unexpected.toResponse(failure);
  }
}
