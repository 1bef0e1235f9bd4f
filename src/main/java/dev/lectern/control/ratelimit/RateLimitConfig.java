package dev.lectern.control.ratelimit;

import dev.lectern.control.policy.RateLimitTier;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The quota of each tier from {@code RATE_LIMIT_<TIER>}, read at start. A value that does not parse
 * stops the application from starting, naming the key: a limit silently replaced by a default is
 * worse than a readiness probe that says why.
 */
@ApplicationScoped
public class RateLimitConfig {

  private static final Logger LOG = Logger.getLogger(RateLimitConfig.class.getName());

  private final Map<RateLimitTier, Optional<RateLimitPolicy>> policies =
      new EnumMap<>(RateLimitTier.class);

  @PostConstruct
  void read() {
    Config config = ConfigProvider.getConfig();
    for (RateLimitTier tier : RateLimitTier.values()) {
      String value =
          config.getOptionalValue(tier.configKey(), String.class).orElse(tier.productionDefault());
      try {
        policies.put(tier, RateLimitPolicy.parse(value));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            tier.configKey() + "='" + value + "' is not a rate limit: " + e.getMessage(), e);
      }
    }
    LOG.info(() -> "Rate limits: " + policies);
  }

  /** The tier's quota, or empty when the tier is switched off. */
  public Optional<RateLimitPolicy> policy(RateLimitTier tier) {
    return policies.get(tier);
  }
}
