package dev.lectern.platform.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Optional;

/** The ids of the span the current thread works in, when it is traced at all. */
public final class TraceIds {

  private TraceIds() {}

  /**
   * The current span's context; empty when tracing is off or the thread works for no request or
   * job. A request that was not sampled still has ids, so its log lines can name them.
   */
  public static Optional<SpanContext> current() {
    SpanContext context = Span.current().getSpanContext();
    return context.isValid() ? Optional.of(context) : Optional.empty();
  }
}
