package dev.lectern.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads what {@link KeyMetrics} publishes, in a transaction of its own: a scrape runs on a web
 * thread with no transaction, where the persistence context would be cleaned up outside one.
 */
@ApplicationScoped
public class KeyAges {

  /** The credentials' ages at one instant. */
  record Snapshot(long expiring, long oldestSecretSeconds, long signingKeySeconds) {}

  @Inject ApiKeyRepository apiKeys;
  @Inject SigningKeyRepository signingKeys;

  @Transactional
  public Snapshot read(Instant now, Duration expiryWarning) {
    List<ApiKey> usable = apiKeys.findAll().stream().filter(key -> key.isActive(now)).toList();
    long expiring = usable.stream().filter(key -> key.expiresWithin(expiryWarning, now)).count();
    long oldestSecret =
        usable.stream()
            .map(key -> key.secretRotatedAt() != null ? key.secretRotatedAt() : key.createdAt())
            .min(Instant::compareTo)
            .map(issued -> Duration.between(issued, now).toSeconds())
            .orElse(0L);
    long signingKey =
        signingKeys
            .findActive()
            .map(key -> key.activatedAt() != null ? key.activatedAt() : key.createdAt())
            .map(active -> Duration.between(active, now).toSeconds())
            .orElse(0L);
    return new Snapshot(expiring, oldestSecret, signingKey);
  }
}
