package dev.lectern.control.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;

/** TTL of each tier: {@code CACHE_TTL_SHORT|MEDIUM|LONG|DAILY|SESSION|DEFAULT} seconds. */
@ApplicationScoped
public class CacheConfig {

  @Inject Config config;

  public Duration ttl(CacheTier tier) {
    long seconds =
        config
            .getOptionalValue("CACHE_TTL_" + tier.name().toUpperCase(Locale.ROOT), Long.class)
            .orElse(tier.defaultSeconds());
    return Duration.ofSeconds(Math.max(1, seconds));
  }
}
