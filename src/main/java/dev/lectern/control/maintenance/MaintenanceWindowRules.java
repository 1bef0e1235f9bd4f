package dev.lectern.control.maintenance;

import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.error.ErrorBody.FieldProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a plan must satisfy: a window starts in the future, within a year, lasts at most 30 days,
 * and gives at most 30 days' notice. Bounds keep a typo (a year for a day) from taking the
 * district's roster away for a summer.
 */
final class MaintenanceWindowRules {

  static final Duration LONGEST = Duration.ofDays(30);
  static final Duration FARTHEST = Duration.ofDays(366);
  static final Duration LONGEST_NOTICE = Duration.ofDays(30);
  static final Duration DEFAULT_NOTICE = Duration.ofHours(24);

  private MaintenanceWindowRules() {}

  static void check(Instant start, Instant end, Duration notice, Instant now) {
    List<FieldProblem> problems = new ArrayList<>();
    if (!start.isAfter(now)) {
      problems.add(new FieldProblem("start", "must be in the future"));
    } else if (start.isAfter(now.plus(FARTHEST))) {
      problems.add(new FieldProblem("start", "must be within a year"));
    }
    if (!end.isAfter(start)) {
      problems.add(new FieldProblem("end", "must be after start"));
    } else if (Duration.between(start, end).compareTo(LONGEST) > 0) {
      problems.add(new FieldProblem("end", "must be at most 30 days after start"));
    }
    if (notice.isNegative() || notice.compareTo(LONGEST_NOTICE) > 0) {
      problems.add(new FieldProblem("notice", "must be between PT0S and P30D"));
    }
    if (!problems.isEmpty()) {
      throw invalid(problems);
    }
  }

  static void checkExtension(MaintenanceWindow window, Instant end) {
    if (!end.isAfter(Instant.now())) {
      throw invalid(List.of(new FieldProblem("end", "must be in the future")));
    }
    if (!end.isAfter(window.end())) {
      throw invalid(List.of(new FieldProblem("end", "must be later than " + window.end())));
    }
    if (Duration.between(window.start(), end).compareTo(LONGEST) > 0) {
      throw invalid(List.of(new FieldProblem("end", "must be at most 30 days after start")));
    }
  }

  private static ApiException invalid(List<FieldProblem> problems) {
    return new ApiException(
        422, "validation_failed", "The maintenance window is not valid.", problems);
  }
}
