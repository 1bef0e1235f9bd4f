package dev.lectern.control.policy;

import java.util.Locale;
import java.util.Optional;

/**
 * The rate-limit tiers: those of signed-in users, plus anonymous callers and OneRoster API-key
 * clients. Each tier's quota is the setting {@code RATE_LIMIT_<TIER>} ({@code RateLimitConfig}
 * holds the production defaults).
 */
public enum RateLimitTier {
  /** OAuth token requests, per client IP and client id. */
  AUTH,
  /**
   * Failed sign-ins, per client IP and account (by username or email alike; the name as typed when
   * it names no account, so the answers never tell which accounts exist).
   */
  LOGIN,
  /** Failed sign-ins per client IP, whatever the names: password spraying. */
  LOGIN_SOURCE,
  /** Password-reset requests, per client IP and username. */
  PASSWORD_RESET,
  /** Reads by signed-in users, per user. */
  READ,
  /** Writes by signed-in users, per user. */
  WRITE,
  /** Import uploads, per user. */
  UPLOAD,
  /** Admin API calls, per user. */
  ADMIN,
  /** Requests without a token, per client IP. */
  ANONYMOUS,
  /** OneRoster API-key clients, per client: sized for a nightly bulk sync of a large district. */
  ONEROSTER;

  /** The name in headers, metrics and logs: {@code password-reset}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The tier of a label, as the admin API names it. */
  public static Optional<RateLimitTier> fromLabel(String label) {
    for (RateLimitTier tier : values()) {
      if (tier.label().equals(label)) {
        return Optional.of(tier);
      }
    }
    return Optional.empty();
  }
}
