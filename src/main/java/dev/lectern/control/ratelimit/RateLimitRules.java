package dev.lectern.control.ratelimit;

import dev.lectern.control.policy.RateLimitTier;
import java.util.Optional;

/** Which tier a request counts against, from its route's declared tier and kind of caller. Pure. */
final class RateLimitRules {

  enum Caller {
    ANONYMOUS,
    USER,
    API_KEY
  }

  private RateLimitRules() {}

  /**
   * The tier, or empty for routes that declare themselves exempt. Callers without a token count per
   * client IP and API clients per key, whatever the route declares for signed-in accounts; a route
   * that declares nothing counts accounts as writers, the tighter of the two default tiers.
   */
  static Optional<RateLimitTier> tier(
      Optional<RateLimitTier> declared, boolean exempt, Caller caller) {
    if (exempt) {
      return Optional.empty();
    }
    return Optional.of(
        switch (caller) {
          case ANONYMOUS -> RateLimitTier.ANONYMOUS;
          case API_KEY -> RateLimitTier.ONEROSTER;
          case USER -> declared.orElse(RateLimitTier.WRITE);
        });
  }
}
