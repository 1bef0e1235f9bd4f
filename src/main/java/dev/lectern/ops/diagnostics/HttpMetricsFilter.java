package dev.lectern.ops.diagnostics;

import jakarta.inject.Inject;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Times every request Lectern serves, body written, into {@code lectern_http_request_duration}
 * labelled by route template, method and status class, with histogram buckets (configured in
 * microprofile-config.properties) so a p95 can be summed across replicas. Liberty's own REST
 * timings are labelled by Java method and carry no buckets. A request no route matched (404, or
 * refused before routing) counts under {@code route="unmatched"}.
 */
@WebFilter(
    filterName = "httpMetrics",
    urlPatterns = "/*",
    dispatcherTypes = DispatcherType.REQUEST,
    asyncSupported = true)
public class HttpMetricsFilter extends HttpFilter {

  static final String METRIC = "lectern_http_request_duration";
  private static final Metadata METADATA =
      Metadata.builder()
          .withName(METRIC)
          .withDescription("Time from a request's arrival to its last byte, by route and status")
          .withUnit(MetricUnits.SECONDS)
          .build();

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long start = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      if (request.isAsyncStarted()) {
        request.getAsyncContext().addListener(new Completion(request, response, start));
      } else {
        record(request, response, start);
      }
    }
  }

  private void record(HttpServletRequest request, HttpServletResponse response, long start) {
    Object route = request.getAttribute(RouteTemplateFilter.ATTRIBUTE);
    registry
        .timer(
            METADATA,
            new Tag("route", route == null ? "unmatched" : route.toString()),
            new Tag("method", method(request.getMethod())),
            new Tag("status", response.getStatus() / 100 + "xx"))
        .update(Duration.ofNanos(System.nanoTime() - start));
  }

  /** A method outside HTTP's own few is one label value, so clients cannot mint series. */
  static String method(String method) {
    return switch (method) {
      case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" -> method;
      default -> "other";
    };
  }

  /** Records an asynchronous request when it completes, not when its first thread returns. */
  private final class Completion implements AsyncListener {
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final long start;

    Completion(HttpServletRequest request, HttpServletResponse response, long start) {
      this.request = request;
      this.response = response;
      this.start = start;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      record(request, response, start);
    }

    @Override
    public void onTimeout(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }
}
