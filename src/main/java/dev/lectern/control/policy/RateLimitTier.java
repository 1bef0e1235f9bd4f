package dev.lectern.control.policy;

import java.util.Locale;

/**
 * The rate-limit tiers: those of signed-in users, plus anonymous callers and OneRoster API-key
 * clients, with production defaults. {@code RATE_LIMIT_<TIER>} overrides a default without a
 * rebuild.
 */
public enum RateLimitTier {
  /** OAuth token requests, per client IP and client id. */
  AUTH("5/1m"),
  /**
   * Failed sign-ins, per client IP and account (by username or email alike; the name as typed when
   * it names no account, so the answers never tell which accounts exist).
   */
  LOGIN("5/1m"),
  /** Failed sign-ins per client IP, whatever the names: password spraying. */
  LOGIN_SOURCE("30/5m"),
  /** Password-reset requests, per client IP and username. */
  PASSWORD_RESET("3/5m"),
  /** Reads by signed-in users, per user. */
  READ("60/1m"),
  /** Writes by signed-in users, per user. */
  WRITE("20/1m"),
  /** Import uploads, per user. */
  UPLOAD("5/5m"),
  /** Admin API calls, per user. */
  ADMIN("100/1m"),
  /** Requests without a token, per client IP. */
  ANONYMOUS("60/1m"),
  /** OneRoster API-key clients, per client: sized for a nightly bulk sync of a large district. */
  ONEROSTER("3000/1m");

  private final String productionDefault;

  RateLimitTier(String productionDefault) {
    this.productionDefault = productionDefault;
  }

  /** The name in headers, metrics and logs: {@code password-reset}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The environment variable that configures it: {@code RATE_LIMIT_PASSWORD_RESET}. */
  public String configKey() {
    return "RATE_LIMIT_" + name();
  }

  public String productionDefault() {
    return productionDefault;
  }
}
