package dev.lectern.control.ratelimit;

import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.platform.error.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Enforces a tier for the current request and remembers the decision, so the response carries its
 * {@code RateLimit} headers. The filter calls it for most requests; signing in, token requests and
 * password reset call it themselves, because their key holds the username from the body.
 */
@RequestScoped
public class RateLimitGuard {

  private static final Logger LOG = Logger.getLogger(RateLimitGuard.class.getName());

  @Inject RateLimiter limiter;

  private RateLimitDecision decision;

  /**
   * Counts the request; a refusal is a 429 with {@code Retry-After}, logged with the request id.
   *
   * @param key who is counted: user, client id, or IP and username; never logged
   */
  public void enforce(RateLimitTier tier, String key) {
    refuseUnlessAllowed(tier, limiter.consume(tier, key));
  }

  /**
   * Gives back what {@link #enforce} counted, for tiers that keep only failed attempts: counting
   * first and giving back on success keeps concurrent attempts from all passing a check that none
   * of them has counted yet.
   */
  public void refund(RateLimitTier tier, String key) {
    limiter.refund(tier, key);
  }

  private void refuseUnlessAllowed(RateLimitTier tier, Optional<RateLimitDecision> outcome) {
    if (outcome.isEmpty()) {
      return;
    }
    decision = outcome.get();
    if (!decision.allowed()) {
      LOG.warning(
          () ->
              "Rate limit "
                  + tier.label()
                  + " ("
                  + decision.policy()
                  + ") exceeded; refused for "
                  + decision.retryAfterSeconds()
                  + " s");
      throw new ApiException(
              429,
              "rate_limited",
              "Too many requests for the "
                  + tier.label()
                  + " limit; retry in "
                  + decision.retryAfterSeconds()
                  + " s.")
          .header("Retry-After", Long.toString(decision.retryAfterSeconds()));
    }
  }

  /** The decision for this request, if a limit applied. */
  Optional<RateLimitDecision> decision() {
    return Optional.ofNullable(decision);
  }
}
