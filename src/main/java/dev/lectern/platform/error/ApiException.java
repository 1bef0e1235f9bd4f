package dev.lectern.platform.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on: services throw it with the status, a stable machine-readable
 * code and a message safe to show; the mapper renders it.
 */
public class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final List<ErrorBody.FieldProblem> details;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public ApiException(int status, String code, String message) {
    this(status, code, message, List.of());
  }

  public ApiException(
      int status, String code, String message, List<ErrorBody.FieldProblem> details) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.details = List.copyOf(details);
  }

  /**
   * 400 {@code invalid_parameter}: the named query or path parameter has a value it cannot have.
   */
  public static ApiException invalidParameter(String parameter, String problem) {
    return new ApiException(
        400,
        "invalid_parameter",
        "The " + parameter + " parameter " + problem + ".",
        List.of(new ErrorBody.FieldProblem(parameter, problem)));
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<ErrorBody.FieldProblem> details() {
    return details;
  }

  /** Adds a response header ({@code Retry-After}, say) to the error response. */
  public ApiException header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Map<String, String> headers() {
    return Map.copyOf(headers);
  }
}
