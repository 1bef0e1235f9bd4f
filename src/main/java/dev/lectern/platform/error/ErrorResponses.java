package dev.lectern.platform.error;

import dev.lectern.platform.request.RequestIdFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;

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

  /**
   * An error in the shape the caller's API speaks: {@code imsx_} on OneRoster paths, where the code
   * is the OneRoster code minor when it is one, the platform shape everywhere else.
   */
  public Response of(
      int status, String code, String message, List<ErrorBody.FieldProblem> details) {
    Object entity =
        isOneRoster(request)
            ? imsx(status, code, message)
            : body(status, code, message, details, RequestIdFilter.idOf(request));
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(entity).build();
  }

  /** Whether the request is on the OneRoster API, whose clients expect the imsx shape. */
  public static boolean isOneRoster(HttpServletRequest request) {
    return request != null && request.getRequestURI().startsWith(ImsxBody.PATH_PREFIX);
  }

  /** The imsx body for a status, keeping a OneRoster code minor when one was named. */
  public static ImsxBody imsx(int status, String code, String message) {
    // Set.of rejects null in contains, and container errors name no code.
    String codeMinor =
        code != null && ONE_ROSTER_CODES.contains(code) ? code : ImsxBody.codeMinorFor(status);
    return ImsxBody.of(codeMinor, message == null ? ErrorCodes.messageFor(status) : message);
  }

  private static final Set<String> ONE_ROSTER_CODES =
      Set.of(
          "invalid_filter_field",
          "invalid_selection_field",
          "invalid_sort_field",
          "invaliddata",
          "unauthorisedrequest",
          "forbidden",
          "unknownobject",
          "server_busy",
          "internal_server_error");

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
