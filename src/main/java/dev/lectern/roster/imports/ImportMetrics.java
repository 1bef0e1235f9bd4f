package dev.lectern.roster.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * {@code lectern_import_rows_total} and {@code lectern_import_apply_duration} (applied imports).
 */
@ApplicationScoped
public class ImportMetrics {

  @Inject MetricRegistry registry;

  void imported(long rows, long nanos) {
    registry.counter("lectern_import_rows").inc(rows);
    registry.timer("lectern_import_apply_duration").update(java.time.Duration.ofNanos(nanos));
  }
}
