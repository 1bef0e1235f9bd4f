package dev.lectern.platform.error;

import java.util.List;

/**
 * A failure the caller can act on: services throw it with the status, a stable machine-readable
 * code and a message safe to show; the mapper renders it.
 */
public class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final List<ErrorBody.FieldProblem> details;

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

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<ErrorBody.FieldProblem> details() {
    return details;
  }
}
