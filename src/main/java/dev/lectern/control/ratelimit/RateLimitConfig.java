package dev.lectern.control.ratelimit;

import dev.lectern.control.policy.RateLimitTier;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The quota of each tier ({@code RATE_LIMIT_<TIER>}, production defaults below), read at start. A
 * value that does not parse stops the application from starting, naming the setting: a limit
 * silently replaced by a default is worse than a readiness probe that says why.
 */
@ApplicationScoped
public class RateLimitConfig {

  private static final Logger LOG = Logger.getLogger(RateLimitConfig.class.getName());

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_AUTH", defaultValue = "5/1m")
  String auth;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_LOGIN", defaultValue = "5/1m")
  String login;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_LOGIN_SOURCE", defaultValue = "30/5m")
  String loginSource;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_PASSWORD_RESET", defaultValue = "3/5m")
  String passwordReset;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_READ", defaultValue = "60/1m")
  String read;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_WRITE", defaultValue = "20/1m")
  String write;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_UPLOAD", defaultValue = "5/5m")
  String upload;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_ADMIN", defaultValue = "100/1m")
  String admin;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_ANONYMOUS", defaultValue = "60/1m")
  String anonymous;

  @Inject
  @ConfigProperty(name = "RATE_LIMIT_ONEROSTER", defaultValue = "3000/1m")
  String oneroster;

  private final Map<RateLimitTier, Optional<RateLimitPolicy>> policies =
      new EnumMap<>(RateLimitTier.class);

  @PostConstruct
  void read() {
    Map<RateLimitTier, String> values = new EnumMap<>(RateLimitTier.class);
    values.put(RateLimitTier.AUTH, auth);
    values.put(RateLimitTier.LOGIN, login);
    values.put(RateLimitTier.LOGIN_SOURCE, loginSource);
    values.put(RateLimitTier.PASSWORD_RESET, passwordReset);
    values.put(RateLimitTier.READ, read);
    values.put(RateLimitTier.WRITE, write);
    values.put(RateLimitTier.UPLOAD, upload);
    values.put(RateLimitTier.ADMIN, admin);
    values.put(RateLimitTier.ANONYMOUS, anonymous);
    values.put(RateLimitTier.ONEROSTER, oneroster);
    values.forEach(
        (tier, value) -> {
          try {
            policies.put(tier, RateLimitPolicy.parse(value));
          } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                "RATE_LIMIT_"
                    + tier.name()
                    + "='"
                    + value
                    + "' is not a rate limit: "
                    + e.getMessage(),
                e);
          }
        });
    LOG.info(() -> "Rate limits: " + policies);
  }

  /** The tier's quota, or empty when the tier is switched off. */
  public Optional<RateLimitPolicy> policy(RateLimitTier tier) {
    return policies.get(tier);
  }
}
