package dev.lectern.platform.db;

import dev.lectern.platform.telemetry.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What happens when one of Lectern's own statements ends: the slow ones are logged and counted, and
 * inside a traced request or job each becomes a span with its literals masked.
 */
@ApplicationScoped
public class StatementTimings {

  @Inject SlowStatements slow;
  @Inject Tracing tracing;

  /** Called by every statement of {@link SqlSession} once it has run, whatever its outcome. */
  void finished(String origin, String sql, long startNanos) {
    long end = System.nanoTime();
    slow.finished(origin, sql, startNanos, end);
    tracing.statement(() -> SqlText.masked(sql), startNanos, end);
  }
}
