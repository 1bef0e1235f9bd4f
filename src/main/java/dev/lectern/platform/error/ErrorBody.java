package dev.lectern.platform.error;

import java.util.List;

/** JSON body of every platform error response. */
public record ErrorBody(Error error) {

  /** The error itself; {@code details} is omitted when there are none. */
  public record Error(String code, String message, String requestId, List<FieldProblem> details) {}

  /** One problem with one input field. */
  public record FieldProblem(String field, String message) {}
}
