package dev.lectern.control.logging;

import dev.lectern.control.audit.AuditLogLines;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.error.ErrorBody;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Level;

/** A level change checked before anything is written: allowed logger, known level, sane time. */
record LevelRequest(String level, Instant revertAt) {

  static final Duration LONGEST = Duration.ofHours(24);

  static LevelRequest check(String logger, String level, String revertAfter) {
    if (!LoggableLoggers.allowed(logger)) {
      throw new ApiException(
          400,
          "logger_not_allowed",
          "Only Lectern's loggers (dev.lectern...) and "
              + String.join(", ", LoggableLoggers.FRAMEWORK.stream().sorted().toList())
              + " may be changed at runtime.");
    }
    Level parsed =
        LoggableLoggers.level(level)
            .orElseThrow(
                () ->
                    invalid(
                        "level", "must be one of " + String.join(", ", LoggableLoggers.LEVELS)));
    if (parsed.intValue() > Level.INFO.intValue() && covers(logger, AuditLogLines.LOGGER)) {
      throw invalid(
          "level", "cannot be above INFO for " + logger + ": it would silence the audit log lines");
    }
    Duration after;
    try {
      after = Duration.parse(revertAfter);
    } catch (DateTimeParseException e) {
      throw invalid("revertAfter", "must be an ISO-8601 duration such as PT15M");
    }
    if (after.compareTo(Duration.ofSeconds(1)) < 0 || after.compareTo(LONGEST) > 0) {
      throw invalid("revertAfter", "must be between PT1S and PT24H");
    }
    return new LevelRequest(
        parsed.getName(), Instant.now().plus(after).truncatedTo(ChronoUnit.MILLIS));
  }

  /** Whether {@code logger} is {@code other} or one of the loggers above it. */
  private static boolean covers(String logger, String other) {
    return other.equals(logger) || other.startsWith(logger + ".");
  }

  /** 422, as Bean Validation answers for the body's other fields. */
  private static ApiException invalid(String field, String problem) {
    return new ApiException(
        422,
        "validation_failed",
        "The level change is not valid.",
        List.of(new ErrorBody.FieldProblem(field, problem)));
  }
}
