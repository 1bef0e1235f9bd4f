package dev.lectern.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Whether an account's access token still stands: the account exists, is enabled, and has revoked
 * no tokens since the token was issued (a lost role, a changed or reset password, signing out
 * everywhere). Each account is read at most once a second per replica, so a change made on any
 * replica reaches all of them within about a second.
 */
@ApplicationScoped
public class AccountTokens {

  private static final Logger LOG = Logger.getLogger(AccountTokens.class.getName());
  private static final long RECHECK_NANOS = 1_000_000_000L;

  /** What decides a token's fate, as last read. */
  public record Standing(boolean enabled, Optional<Instant> revokedAt) {

    static final Standing GONE = new Standing(false, Optional.empty());
    static final Standing UNKNOWN = new Standing(true, Optional.empty());

    boolean admits(long issuedAtMillis) {
      return enabled && revokedAt.map(at -> issuedAtMillis >= at.toEpochMilli()).orElse(true);
    }
  }

  private record Cached(Standing standing, long loadedAtNanos) {}

  @Inject PlatformAccountRepository accounts;
  @Inject AccountTokens self;

  private final Map<String, Cached> standings = new ConcurrentHashMap<>();

  /**
   * While the database cannot be read, the last standing read stands (an account never read admits
   * its validly signed token): an outage degrades revocation to the token's own expiry, it does not
   * lock every administrator out of the operations that still work.
   */
  public boolean stands(String username, long issuedAtMillis) {
    long now = System.nanoTime();
    Cached cached = standings.get(username);
    if (cached == null || now - cached.loadedAtNanos() >= RECHECK_NANOS) {
      Standing standing;
      try {
        standing = self.load(username);
      } catch (RuntimeException unreadable) {
        LOG.fine(() -> "Account standing not read, the last one stands: " + unreadable);
        standing = cached == null ? Standing.UNKNOWN : cached.standing();
      }
      cached = new Cached(standing, now);
      standings.put(username, cached);
    }
    return cached.standing().admits(issuedAtMillis);
  }

  /**
   * Reads an account in a transaction of its own, so that the entity manager is closed with it
   * rather than by the request's cleanup. Public: Liberty applies {@code @Transactional} to public
   * methods only.
   */
  @Transactional
  public Standing load(String username) {
    return accounts
        .findByLogin(username)
        .map(a -> new Standing(a.enabled(), a.tokensRevokedAt()))
        .orElse(Standing.GONE);
  }
}
