package dev.lectern.platform.error;

import dev.lectern.platform.request.RequestIdFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds error responses in the one platform shape, stamped with the current request id. */
@ApplicationScoped
public class ErrorResponses {

  @Inject HttpServletRequest request;

  public Response of(ApiException failure) {
    return of(failure.status(), failure.code(), failure.getMessage(), failure.details());
  }

  public Response of(int status) {
    return of(status, ErrorCodes.codeFor(status), ErrorCodes.messageFor(status), List.of());
  }

  public Response of(
      int status, String code, String message, List<ErrorBody.FieldProblem> details) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body(status, code, message, details, RequestIdFilter.idOf(request)))
        .build();
  }

  /** The body alone, for callers outside JAX-RS such as the container's error page. */
  public static ErrorBody body(
      int status,
      String code,
      String message,
      List<ErrorBody.FieldProblem> details,
      String requestId) {
    return new ErrorBody(
        new ErrorBody.Error(
            code == null ? ErrorCodes.codeFor(status) : code,
            message == null ? ErrorCodes.messageFor(status) : message,
            requestId,
            details == null || details.isEmpty() ? null : List.copyOf(details)));
  }
}
