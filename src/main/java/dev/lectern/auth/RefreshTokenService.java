package dev.lectern.auth;

import dev.lectern.platform.config.Sha256;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Refresh tokens: opaque, stored only as SHA-256 hashes in Redis with their lifetime, rotated on
 * every use. The tokens of one login form a family; presenting a token that was already used means
 * it was copied, so the whole family is revoked (reuse detection). A family is one session: logout
 * revokes it, logout-all revokes every family of the account.
 *
 * <p>Keys under {@code session:}: {@code token:<hash>} = {@code active|used <family> <account>},
 * {@code family:<id>} = {@code <account> <started millis>} while the session lives, {@code
 * account:<id>} = the set of the account's families.
 */
@ApplicationScoped
public class RefreshTokenService {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject RedisConnection redis;
  @Inject AuthConfig config;
  @Inject LockdownClock lockdown;

  /** What a valid refresh yields: the account, and the token that replaces the one presented. */
  public record Rotation(UUID accountId, String refreshToken) {}

  /** A new session for the account, or empty while Redis cannot be reached. */
  public Optional<String> start(UUID accountId) {
    Optional<UnifiedJedis> client = redis.usable();
    if (client.isEmpty()) {
      return Optional.empty();
    }
    try {
      String family = UUID.randomUUID().toString();
      long ttl = ttlSeconds();
      client
          .get()
          .setex(key("family:" + family), ttl, accountId + " " + System.currentTimeMillis());
      client.get().sadd(key("account:" + accountId), family);
      client.get().expire(key("account:" + accountId), ttl);
      return Optional.of(issue(client.get(), family, accountId));
    } catch (RuntimeException e) {
      redis.failed("refresh token issue", e);
      return Optional.empty();
    }
  }

  /**
   * Exchanges a refresh token for its successor.
   *
   * @throws ApiException 401 for an unknown, expired, revoked or reused token (a reuse revokes the
   *     family first), 503 while Redis cannot be reached
   */
  public Rotation rotate(String refreshToken) {
    UnifiedJedis client = client();
    try {
      String tokenKey = key("token:" + Sha256.hex(refreshToken));
      String previous = client.get(tokenKey);
      if (previous == null) {
        throw invalid();
      }
      String[] parts = previous.split(" ");
      String family = parts[1];
      UUID accountId = UUID.fromString(parts[2]);
      // Marks the token used and learns, atomically, whether it already was.
      String before =
          client.setGet(
              tokenKey, "used " + family + " " + accountId, SetParams.setParams().keepTtl());
      if (before == null || before.startsWith("used ")) {
        client.del(key("family:" + family));
        throw new ReuseDetected(accountId);
      }
      String session = client.get(key("family:" + family));
      if (session == null
          || lockdown.endedSessionStartedAt(Long.parseLong(session.split(" ")[1]))) {
        throw invalid();
      }
      client.expire(key("family:" + family), ttlSeconds());
      return new Rotation(accountId, issue(client, family, accountId));
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      redis.failed("refresh token rotation", e);
      throw unavailable();
    }
  }

  /** Ends the session the token belongs to; unknown tokens are ignored (logout is idempotent). */
  public void end(String refreshToken) {
    UnifiedJedis client = client();
    try {
      String value = client.get(key("token:" + Sha256.hex(refreshToken)));
      if (value != null) {
        client.del(key("family:" + value.split(" ")[1]));
      }
    } catch (RuntimeException e) {
      redis.failed("logout", e);
      throw unavailable();
    }
  }

  /** Ends every session of the account; returns how many were open. */
  public long endAll(UUID accountId) {
    UnifiedJedis client = client();
    try {
      Set<String> families = client.smembers(key("account:" + accountId));
      long ended = 0;
      for (String family : families) {
        ended += client.del(key("family:" + family));
      }
      client.del(key("account:" + accountId));
      return ended;
    } catch (RuntimeException e) {
      redis.failed("logout-all", e);
      throw unavailable();
    }
  }

  /** Ends every session of every account (lockdown); returns how many were open. */
  public long endEverything() {
    UnifiedJedis client = client();
    try {
      long ended = 0;
      ScanParams params = new ScanParams().match(key("*")).count(500);
      String cursor = ScanParams.SCAN_POINTER_START;
      do {
        ScanResult<String> page = client.scan(cursor, params);
        for (String found : page.getResult()) {
          ended += found.startsWith(key("family:")) ? 1 : 0;
        }
        if (!page.getResult().isEmpty()) {
          client.unlink(page.getResult().toArray(String[]::new));
        }
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
      return ended;
    } catch (RuntimeException e) {
      redis.failed("lockdown", e);
      throw unavailable();
    }
  }

  /** A refresh token presented a second time: its family is revoked already. */
  public static final class ReuseDetected extends ApiException {
    private final UUID accountId;

    ReuseDetected(UUID accountId) {
      super(401, "refresh_token_reused", "This refresh token was already used; sign in again.");
      this.accountId = accountId;
    }

    public UUID accountId() {
      return accountId;
    }
  }

  private String issue(UnifiedJedis client, String family, UUID accountId) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    client.setex(
        key("token:" + Sha256.hex(token)), ttlSeconds(), "active " + family + " " + accountId);
    return token;
  }

  private UnifiedJedis client() {
    return redis.usable().orElseThrow(RefreshTokenService::unavailable);
  }

  private long ttlSeconds() {
    return config.refreshTokenLifetime().toSeconds();
  }

  private String key(String suffix) {
    return redis.key("session:" + suffix);
  }

  private static ApiException invalid() {
    return new ApiException(
        401, "invalid_refresh_token", "The refresh token is unknown, expired or revoked.");
  }

  private static ApiException unavailable() {
    return new ApiException(
        503,
        "sessions_unavailable",
        "Sessions are unavailable while Redis is unreachable; sign in again with your password.");
  }
}
