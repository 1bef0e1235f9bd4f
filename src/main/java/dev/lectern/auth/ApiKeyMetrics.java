package dev.lectern.auth;

import dev.lectern.platform.migration.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * {@code lectern_api_keys_expiring}: usable keys that expire within {@link #EXPIRY_WARNING}, so an
 * alert reaches the district before a consumer's sync stops. Read from the database at most once a
 * minute; while the database is away the last value stays.
 */
@ApplicationScoped
public class ApiKeyMetrics {

  /** How far ahead an expiry is flagged, in the key list and the metric. */
  static final Duration EXPIRY_WARNING = Duration.ofDays(14);

  private static final Logger LOG = Logger.getLogger(ApiKeyMetrics.class.getName());
  private static final long REFRESH_NANOS = 60_000_000_000L;

  @Inject MetricRegistry registry;
  @Inject ApiKeyService keys;

  private volatile long expiring;
  private volatile long readAt = System.nanoTime() - REFRESH_NANOS;

  void register(@Observes SchemaReady ready) {
    registry.gauge("lectern_api_keys_expiring", this, ApiKeyMetrics::expiring);
  }

  long expiring() {
    long now = System.nanoTime();
    if (now - readAt >= REFRESH_NANOS) {
      readAt = now;
      try {
        expiring = keys.expiringWithin(EXPIRY_WARNING);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "API key expiries not read; the metric keeps its last value", e);
      }
    }
    return expiring;
  }
}
