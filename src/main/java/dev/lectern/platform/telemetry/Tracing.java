package dev.lectern.platform.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The spans Lectern makes itself: one per job (a job outlives the request that asked for it and may
 * run on another replica, so it starts a trace of its own, linked to that request's span), and one
 * per statement of Lectern's own SQL inside a traced request or job. With tracing off the tracer
 * makes no spans and a statement costs one check.
 */
@ApplicationScoped
public class Tracing {

  static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("lectern.job.id");
  static final AttributeKey<String> JOB_TYPE = AttributeKey.stringKey("lectern.job.type");
  static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
  static final AttributeKey<String> DB_OPERATION = AttributeKey.stringKey("db.operation.name");
  static final AttributeKey<String> DB_QUERY = AttributeKey.stringKey("db.query.text");

  @Inject Tracer tracer;

  /** Starts the span of a job; the caller ends it when the job ends, on whichever thread. */
  public Span startJob(String type, String id) {
    return tracer
        .spanBuilder("job " + type)
        .setNoParent()
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute(JOB_TYPE, type)
        .setAttribute(JOB_ID, id)
        .startSpan();
  }

  /**
   * Records a statement that has just finished as a child of the current span, if there is one. The
   * span is made after the fact, from the statement's own start and end, so a statement that is not
   * traced pays nothing but the check.
   *
   * @param masked the statement with its literals masked (bound values never reach a span), asked
   *     for only when the statement is traced
   */
  public void statement(Supplier<String> masked, long startNanos, long endNanos) {
    if (TraceIds.current().isEmpty()) {
      return;
    }
    String text = masked.get();
    Instant end = Instant.now();
    Instant start = end.minusNanos(endNanos - startNanos);
    String operation = operation(text);
    tracer
        .spanBuilder(operation)
        .setSpanKind(SpanKind.CLIENT)
        .setStartTimestamp(start)
        .setAttribute(DB_SYSTEM, "postgresql")
        .setAttribute(DB_OPERATION, operation)
        .setAttribute(DB_QUERY, text)
        .startSpan()
        .end(end);
  }

  /** The statement's first word (SELECT, INSERT, WITH ...), the span's name. */
  static String operation(String text) {
    String trimmed = text.stripLeading();
    int end = 0;
    while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
      end++;
    }
    return end == 0 ? "SQL" : trimmed.substring(0, end).toUpperCase(Locale.ROOT);
  }
}
