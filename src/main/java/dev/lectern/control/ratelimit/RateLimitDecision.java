package dev.lectern.control.ratelimit;

import dev.lectern.control.policy.RateLimitTier;

/**
 * The answer for one request: whether it may proceed and what its headers say.
 *
 * @param remaining requests left in the window after this one
 * @param resetSeconds seconds until the quota is whole again
 * @param retryAfterSeconds when refused, seconds until one request is allowed again
 */
public record RateLimitDecision(
    RateLimitTier tier,
    RateLimitPolicy policy,
    boolean allowed,
    long remaining,
    long resetSeconds,
    long retryAfterSeconds) {

  /** {@code RateLimit} member: {@code "auth";r=4;t=60}. */
  public String header() {
    return "\"" + tier.label() + "\";r=" + remaining + ";t=" + resetSeconds;
  }
}
