package dev.lectern.platform.redis;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * Owns the pooled Jedis client. Jedis reconnects by itself: a broken pooled connection is discarded
 * and the next borrow dials again, so nothing here has to notice that Redis came back. Features
 * never hold the client; they call {@link #client()} per operation and fall back to memory when it
 * is empty or the call fails.
 */
@ApplicationScoped
public class RedisConnection {

  private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

  @Inject RedisConfig config;

  /** After a failed call, Redis is skipped this long, so a hung Redis costs one timeout. */
  private static final long SKIP_AFTER_FAILURE_NANOS = 2_000_000_000L;

  private RedisClient client;
  private volatile long skippedUntil = System.nanoTime();

  @PostConstruct
  void open() {
    Optional<URI> uri = config.uri();
    if (uri.isEmpty()) {
      LOG.warning("REDIS_URL is empty: Lectern runs with in-memory fallbacks only.");
      return;
    }
    int timeout = (int) config.timeout().toMillis();
    DefaultJedisClientConfig.Builder clientConfig =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(timeout)
            .socketTimeoutMillis(timeout)
            .blockingSocketTimeoutMillis(timeout)
            .clientName("lectern");
    RedisUris.applyCredentials(uri.get(), clientConfig);
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(config.poolMax());
    pool.setMaxIdle(config.poolMax());
    pool.setMinIdle(0);
    // Borrowing must never wait long: a caller that cannot get a connection falls back to memory.
    pool.setMaxWait(config.timeout());
    pool.setTestWhileIdle(true);
    client =
        RedisClient.builder()
            .hostAndPort(uri.get().getHost(), uri.get().getPort() < 0 ? 6379 : uri.get().getPort())
            .clientConfig(clientConfig.build())
            .poolConfig(pool)
            .build();
    LOG.info(() -> "Redis client for " + RedisUris.redacted(uri.get()));
  }

  @PreDestroy
  void close() {
    if (client != null) {
      client.close();
    }
  }

  /** The client, or empty when Redis is not configured. */
  public Optional<RedisClient> client() {
    return Optional.ofNullable(client);
  }

  /**
   * The client, or empty when Redis is not configured or a call failed in the last two seconds:
   * callers that have a fallback use this, so an outage costs one timeout every two seconds rather
   * than one per request.
   */
  public Optional<RedisClient> usable() {
    return System.nanoTime() - skippedUntil < 0 ? Optional.empty() : client();
  }

  /** Reports a failed call; {@link #usable()} is empty for a while. */
  public void failed(String what, RuntimeException e) {
    skippedUntil = System.nanoTime() + SKIP_AFTER_FAILURE_NANOS;
    LOG.fine(() -> what + " failed, Redis skipped for a while: " + e.getMessage());
  }

  public boolean isConfigured() {
    return client != null;
  }

  /** Prefixes a key with {@code REDIS_KEY_PREFIX}. */
  public String key(String suffix) {
    return config.keyPrefix() + suffix;
  }
}
