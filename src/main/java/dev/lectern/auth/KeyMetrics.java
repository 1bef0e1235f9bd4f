package dev.lectern.auth;

import dev.lectern.platform.migration.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The ages of Lectern's credentials, so an alert reaches the district before they hurt: {@code
 * lectern_api_keys_expiring} (usable keys that expire within {@link #EXPIRY_WARNING}, before a
 * consumer's sync stops), {@code lectern_api_key_oldest_secret_age_seconds} (the usable key whose
 * secret went longest without rotation) and {@code lectern_signing_key_age_seconds} (since the
 * active token-signing key took over; a rotation that stalls shows here). Read from the database at
 * most once a minute; while the database is away the last values stay.
 */
@ApplicationScoped
public class KeyMetrics {

  /** How far ahead an expiry is flagged, in the key list and the metric. */
  static final Duration EXPIRY_WARNING = Duration.ofDays(14);

  private static final Logger LOG = Logger.getLogger(KeyMetrics.class.getName());
  private static final long REFRESH_NANOS = 60_000_000_000L;

  @Inject MetricRegistry registry;
  @Inject KeyAges ages;

  private volatile KeyAges.Snapshot last = new KeyAges.Snapshot(0, 0, 0);
  private volatile long readAt = System.nanoTime() - REFRESH_NANOS;

  void register(@Observes SchemaReady ready) {
    registry.gauge("lectern_api_keys_expiring", this, m -> m.fresh().expiring());
    registry.gauge(
        Metadata.builder()
            .withName("lectern_api_key_oldest_secret_age_seconds")
            .withDescription("Age of the oldest secret of a usable API key (0 when none)")
            .build(),
        this,
        m -> m.fresh().oldestSecretSeconds());
    registry.gauge(
        Metadata.builder()
            .withName("lectern_signing_key_age_seconds")
            .withDescription("Time since the active token-signing key was activated")
            .build(),
        this,
        m -> m.fresh().signingKeySeconds());
  }

  private KeyAges.Snapshot fresh() {
    long now = System.nanoTime();
    if (now - readAt >= REFRESH_NANOS) {
      readAt = now;
      try {
        last = ages.read(Instant.now(), EXPIRY_WARNING);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Key ages not read; the metrics keep their last values", e);
      }
    }
    return last;
  }
}
