package dev.lectern.platform.error;

import dev.lectern.platform.db.DatabaseFailures;
import dev.lectern.platform.request.RequestIdFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Classifies failures nobody raised on purpose. An unreachable database is an outage (503, the
 * caller may retry), unreadable JSON is the caller's fault (400), anything else is a bug: logged
 * here with the request id and answered with a bare 500.
 */
@ApplicationScoped
public class UnexpectedFailures {

  private static final Logger LOG = Logger.getLogger(UnexpectedFailures.class.getName());

  @Inject ErrorResponses errors;
  @Inject HttpServletRequest request;

  public Response toResponse(Throwable failure) {
    Optional<ApiException> deliberate = deliberateCause(failure);
    if (deliberate.isPresent()) {
      return errors.of(deliberate.get());
    }
    if (DatabaseFailures.isUnavailable(failure)) {
      LOG.warning(() -> "Database unavailable: " + DatabaseFailures.summary(failure));
      return Response.fromResponse(
              errors.of(
                  503,
                  "database_unavailable",
                  "The database is unavailable; retry in a few seconds.",
                  List.of()))
          .header("Retry-After", "5")
          .build();
    }
    if (isUnstorableText(failure)) {
      return errors.of(
          400,
          "invalid_text",
          "The request contains characters that cannot be stored (such as NUL).",
          List.of());
    }
    if (isMalformedJson(failure)) {
      return errors.of(400, "malformed_json", "The request body is not valid JSON.", List.of());
    }
    LOG.log(
        Level.SEVERE,
        "Unexpected failure serving request " + RequestIdFilter.idOf(request),
        failure);
    return errors.of(500);
  }

  /**
   * A failure Lectern raised on purpose inside code that wrapped it: a body limit passed while a
   * JSON reader was reading the body surfaces as that reader's error, but the answer is the limit.
   */
  static Optional<ApiException> deliberateCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApiException deliberate) {
        return Optional.of(deliberate);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  /** PostgreSQL refuses NUL and characters outside UTF-8: the caller's input, not a bug. */
  private static boolean isUnstorableText(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql
          && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMalformedJson(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof JsonbException || t instanceof JsonParsingException) {
        return true;
      }
    }
    return false;
  }
}
