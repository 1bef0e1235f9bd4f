package dev.lectern.control.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How long entries of each tier live: {@code CACHE_TTL_<TIER>} seconds, at least one. */
@ApplicationScoped
public class CacheConfig {

  @Inject
  @ConfigProperty(name = "CACHE_TTL_SHORT", defaultValue = "60")
  long shortSeconds;

  @Inject
  @ConfigProperty(name = "CACHE_TTL_MEDIUM", defaultValue = "300")
  long mediumSeconds;

  @Inject
  @ConfigProperty(name = "CACHE_TTL_LONG", defaultValue = "3600")
  long longSeconds;

  @Inject
  @ConfigProperty(name = "CACHE_TTL_DAILY", defaultValue = "86400")
  long dailySeconds;

  @Inject
  @ConfigProperty(name = "CACHE_TTL_SESSION", defaultValue = "1800")
  long sessionSeconds;

  @Inject
  @ConfigProperty(name = "CACHE_TTL_DEFAULT", defaultValue = "300")
  long defaultSeconds;

  public Duration ttl(CacheTier tier) {
    long seconds =
        switch (tier) {
          case SHORT -> shortSeconds;
          case MEDIUM -> mediumSeconds;
          case LONG -> longSeconds;
          case DAILY -> dailySeconds;
          case SESSION -> sessionSeconds;
          case DEFAULT -> defaultSeconds;
        };
    return Duration.ofSeconds(Math.max(1, seconds));
  }
}
