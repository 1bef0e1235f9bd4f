package dev.lectern.platform.telemetry;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import dev.lectern.platform.request.RequestIds;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Ties a traced request's span and its log lines together: the request id goes on the span ({@code
 * lectern.request.id}), the trace and span ids on every log record written while it is served
 * ({@code ext_traceId}, {@code ext_spanId} in Liberty's JSON logs). The query string Liberty puts
 * on the span ({@code url.query}) is cut to its parameter names: a OneRoster filter may hold an
 * e-mail address, spans leave the server, and the access log drops the query too. It must run
 * inside Liberty's own telemetry filter, which makes the span current, so {@link
 * TraceLogFilterSetup} adds it after that one rather than declaring it.
 */
public class TraceLogFilter extends HttpFilter {

  /** The attribute of the request's span that carries its request id. */
  public static final String REQUEST_ID_ATTRIBUTE = "lectern.request.id";

  static final String QUERY_ATTRIBUTE = "url.query";

  private static final String TRACE_EXTENSION = "traceId";
  private static final String SPAN_EXTENSION = "spanId";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<SpanContext> traced = TraceIds.current();
    if (traced.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    Span span = Span.current();
    Object id = request.getAttribute(RequestIds.ATTRIBUTE);
    if (id != null) {
      span.setAttribute(REQUEST_ID_ATTRIBUTE, id.toString());
    }
    if (request.getQueryString() != null) {
      span.setAttribute(QUERY_ATTRIBUTE, parameterNames(request.getQueryString()));
    }
    LogRecordContext.addExtension(TRACE_EXTENSION, traced.get().getTraceId());
    LogRecordContext.addExtension(SPAN_EXTENSION, traced.get().getSpanId());
    try {
      chain.doFilter(request, response);
    } finally {
      LogRecordContext.removeExtension(TRACE_EXTENSION);
      LogRecordContext.removeExtension(SPAN_EXTENSION);
    }
  }

  /** {@code filter=...&limit=10} becomes {@code filter=?&limit=?}. */
  static String parameterNames(String query) {
    StringJoiner names = new StringJoiner("&");
    for (String pair : query.split("&", -1)) {
      int equals = pair.indexOf('=');
      names.add(equals < 0 ? pair : pair.substring(0, equals) + "=?");
    }
    return names.toString();
  }
}
