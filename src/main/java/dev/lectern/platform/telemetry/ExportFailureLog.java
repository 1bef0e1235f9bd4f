package dev.lectern.platform.telemetry;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Keeps a collector that is down or hangs from filling the log: the exporter reports failed batches
 * (up to five a minute, then one a minute), and on-call needs one line a minute to know. Every
 * report still counts in {@code lectern_telemetry_export_failures_total}, which is how an alert
 * sees that traces are being lost.
 */
@ApplicationScoped
public class ExportFailureLog {

  /** The loggers the OpenTelemetry SDK reports export failures on. */
  static final List<String> EXPORTER_LOGGERS =
      List.of(
          "io.opentelemetry.exporter.internal.http.HttpExporter",
          "io.opentelemetry.exporter.internal.grpc.GrpcExporter",
          "io.opentelemetry.sdk.trace.export.BatchSpanProcessor");

  /** Held: the JDK keeps loggers only weakly, and the filter must stay on these. */
  private final List<Logger> loggers = EXPORTER_LOGGERS.stream().map(Logger::getLogger).toList();

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  void start(@Observes Startup startup) {
    Counter failures =
        registry.counter(
            Metadata.builder()
                .withName("lectern_telemetry_export_failures_total")
                .withDescription(
                    "Export failures the trace exporter reported (logged once a minute)")
                .build());
    OncePerMinute filter = new OncePerMinute(failures::inc);
    loggers.forEach(logger -> logger.setFilter(filter));
  }

  @PreDestroy
  void stop() {
    loggers.forEach(logger -> logger.setFilter(null));
  }
}
