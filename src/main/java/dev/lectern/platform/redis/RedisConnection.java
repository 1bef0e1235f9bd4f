package dev.lectern.platform.redis;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;
import redis.clients.jedis.UnifiedJedis;

/**
 * Owns the pooled Jedis client. Jedis reconnects by itself: a broken pooled connection is discarded
 * and the next borrow dials again, so nothing here has to notice that Redis came back. Features
 * never hold the client; they call {@link #client()} per operation and fall back to memory when it
 * is empty or the call fails. With sentinels, the client is built once one of them answers (a
 * sentinel set that is down at start is asked again at most every two seconds).
 */
@ApplicationScoped
public class RedisConnection {

  private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

  @Inject RedisConfig config;

  /** After a failed call, Redis is skipped this long, so a hung Redis costs one timeout. */
  private static final long SKIP_AFTER_FAILURE_NANOS = 2_000_000_000L;

  private URI uri;
  private volatile UnifiedJedis client;
  private volatile long skippedUntil = System.nanoTime();
  private long nextOpenAttempt = System.nanoTime();

  @PostConstruct
  void open() {
    Optional<URI> configured = config.uri();
    if (configured.isEmpty()) {
      LOG.warning("REDIS_URL is empty: Lectern runs with in-memory fallbacks only.");
      return;
    }
    uri = configured.get();
    config.sentinels(); // a malformed REDIS_SENTINELS fails the start, not the first request
    tryOpen();
  }

  private synchronized UnifiedJedis tryOpen() {
    if (client != null || System.nanoTime() - nextOpenAttempt < 0) {
      return client;
    }
    try {
      client = RedisClients.open(config, uri);
      LOG.info(
          () ->
              config.sentinels().isEmpty()
                  ? "Redis client for " + RedisUris.redacted(uri)
                  : "Redis client for master '"
                      + config.sentinelMaster()
                      + "' of sentinels "
                      + config.sentinels());
    } catch (RuntimeException e) {
      nextOpenAttempt = System.nanoTime() + SKIP_AFTER_FAILURE_NANOS;
      LOG.warning("No Redis sentinel answered; asking again in 2 s: " + e.getMessage());
    }
    return client;
  }

  @PreDestroy
  synchronized void close() {
    if (client != null) {
      client.close();
    }
  }

  /** The client, or empty when Redis is not configured (or no sentinel has answered yet). */
  public Optional<UnifiedJedis> client() {
    UnifiedJedis current = client;
    if (current == null && uri != null) {
      current = tryOpen();
    }
    return Optional.ofNullable(current);
  }

  /**
   * The client, or empty when Redis is not configured or a call failed in the last two seconds:
   * callers that have a fallback use this, so an outage costs one timeout every two seconds rather
   * than one per request.
   */
  public Optional<UnifiedJedis> usable() {
    return System.nanoTime() - skippedUntil < 0 ? Optional.empty() : client();
  }

  /** Reports a failed call; {@link #usable()} is empty for a while. */
  public void failed(String what, RuntimeException e) {
    skippedUntil = System.nanoTime() + SKIP_AFTER_FAILURE_NANOS;
    LOG.fine(() -> what + " failed, Redis skipped for a while: " + e.getMessage());
  }

  public boolean isConfigured() {
    return uri != null;
  }

  /** Prefixes a key with {@code REDIS_KEY_PREFIX}. */
  public String key(String suffix) {
    return config.keyPrefix() + suffix;
  }
}
