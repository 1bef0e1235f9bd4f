package dev.lectern.platform.error;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures become 422 with one detail per field. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Inject ErrorResponses errors;

  @Override
  public Response toResponse(ConstraintViolationException failure) {
    List<ErrorBody.FieldProblem> details =
        failure.getConstraintViolations().stream()
            .map(v -> new ErrorBody.FieldProblem(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(ErrorBody.FieldProblem::field))
            .toList();
    return errors.of(422, "validation_failed", "The request failed validation.", details);
  }

  /** The last property name of the path: {@code create.arg0.username} names {@code username}. */
  private static String fieldOf(ConstraintViolation<?> violation) {
    String field = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
        field = node.getName();
      }
    }
    return field == null ? "request" : field;
  }
}
