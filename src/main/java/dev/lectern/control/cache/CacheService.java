package dev.lectern.control.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.lectern.platform.redis.RedisConnection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Get and put text by key. A key must name a value that never changes under it: it carries a
 * version, such as the roster generation that every roster write bumps. That is what lets each
 * replica keep copies without being told to drop them: entries live in Redis, shared by every
 * replica, and each replica also keeps those it reads or writes in memory for at most the short
 * tier, so a repeated read costs no Redis round trip. While Redis is down, entries are cached in
 * memory alone, and Redis is tried again on the next call.
 */
@ApplicationScoped
public class CacheService {

  private static final Logger LOG = Logger.getLogger(CacheService.class.getName());
  static final String NAMESPACE = "cache:";

  @Inject RedisConnection redis;
  @Inject CacheConfig config;

  @Inject CacheMetrics metrics;

  private Cache<String, Entry> local;

  private record Entry(String value, long ttlNanos) {}

  @PostConstruct
  void init() {
    local =
        Caffeine.newBuilder()
            // Housekeeping on the calling thread: a hand-off to the common pool per batch of
            // reads costs more than the housekeeping itself at thousands of reads a second.
            .executor(Runnable::run)
            .maximumSize(10_000)
            .expireAfter(
                new Expiry<String, Entry>() {
                  @Override
                  public long expireAfterCreate(String key, Entry entry, long now) {
                    return entry.ttlNanos();
                  }

                  @Override
                  public long expireAfterUpdate(String key, Entry entry, long now, long current) {
                    return entry.ttlNanos();
                  }

                  @Override
                  public long expireAfterRead(String key, Entry entry, long now, long current) {
                    return current;
                  }
                })
            .build();
  }

  public Optional<String> get(String key) {
    Optional<String> found = fromMemory(key);
    if (found.isPresent()) {
      metrics.answered(CacheMetrics.Layer.MEMORY);
      return found;
    }
    found = nearCopy(key);
    metrics.answered(found.isPresent() ? CacheMetrics.Layer.REDIS : CacheMetrics.Layer.MISS);
    return found;
  }

  /** An entry from Redis, kept in memory for the next reads. */
  private Optional<String> nearCopy(String key) {
    Optional<String> found = fromRedis(key).orElse(Optional.empty());
    found.ifPresent(value -> keepInMemory(key, value, shortTierSeconds()));
    return found;
  }

  /** The longest a replica keeps its memory copy of an entry. */
  private long shortTierSeconds() {
    return config.ttl(CacheTier.SHORT).toSeconds();
  }

  public void put(String key, String value, CacheTier tier) {
    long seconds = config.ttl(tier).toSeconds();
    toRedis(key, value, seconds);
    keepInMemory(key, value, Math.min(seconds, shortTierSeconds()));
  }

  private void keepInMemory(String key, String value, long seconds) {
    local.put(key, new Entry(value, seconds * 1_000_000_000L));
  }

  /** Removes the cache keys matching a glob ({@code roster:*}); returns how many. */
  public long invalidate(String glob) {
    Pattern pattern = globToRegex(glob);
    List<String> localKeys = new ArrayList<>();
    local
        .asMap()
        .keySet()
        .forEach(
            k -> {
              if (pattern.matcher(k).matches()) {
                localKeys.add(k);
              }
            });
    local.invalidateAll(localKeys);
    return localKeys.size() + redisUnlink(glob);
  }

  public long clear() {
    return invalidate("*");
  }

  public CacheStats stats() {
    long hit = metrics.hits();
    long miss = metrics.misses();
    Long memory = null;
    long keys = 0;
    String backend = "memory";
    Optional<UnifiedJedis> client = redis.client();
    if (client.isPresent()) {
      try {
        keys = countRedisKeys(client.get());
        memory = usedMemory(client.get().info("memory"));
        backend = "redis";
      } catch (RuntimeException e) {
        backend = "memory (redis unreachable)";
      }
    }
    long localKeys = local.estimatedSize();
    return new CacheStats(
        backend, hit, miss, metrics.hitRatio(), keys + localKeys, memory, localKeys);
  }

  private Optional<Optional<String>> fromRedis(String key) {
    return redis
        .usable()
        .flatMap(
            client -> {
              try {
                return Optional.of(Optional.ofNullable(client.get(redis.key(NAMESPACE + key))));
              } catch (RuntimeException e) {
                redis.failed("cache call", e);
                return Optional.empty();
              }
            });
  }

  private Optional<String> fromMemory(String key) {
    Entry entry = local.getIfPresent(key);
    return entry == null ? Optional.empty() : Optional.of(entry.value());
  }

  private void toRedis(String key, String value, long seconds) {
    redis
        .usable()
        .ifPresent(
            client -> {
              try {
                client.set(redis.key(NAMESPACE + key), value, SetParams.setParams().ex(seconds));
              } catch (RuntimeException e) {
                redis.failed("cache call", e);
              }
            });
  }

  /** SCAN and UNLINK in batches, never KEYS: a large Redis must not block. */
  private long redisUnlink(String glob) {
    Optional<UnifiedJedis> client = redis.client();
    if (client.isEmpty()) {
      return 0;
    }
    long removed = 0;
    try {
      String cursor = ScanParams.SCAN_POINTER_START;
      ScanParams params = new ScanParams().match(redis.key(NAMESPACE + glob)).count(500);
      do {
        ScanResult<String> page = client.get().scan(cursor, params);
        if (!page.getResult().isEmpty()) {
          removed += client.get().unlink(page.getResult().toArray(String[]::new));
        }
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    } catch (RuntimeException e) {
      LOG.warning("Could not clear Redis cache keys: " + e.getMessage());
    }
    return removed;
  }

  private long countRedisKeys(UnifiedJedis client) {
    long count = 0;
    String cursor = ScanParams.SCAN_POINTER_START;
    ScanParams params = new ScanParams().match(redis.key(NAMESPACE + "*")).count(1000);
    do {
      ScanResult<String> page = client.scan(cursor, params);
      count += page.getResult().size();
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return count;
  }

  private static Long usedMemory(String info) {
    for (String line : info.split("\r?\n")) {
      if (line.startsWith("used_memory:")) {
        return Long.parseLong(line.substring("used_memory:".length()).strip());
      }
    }
    return null;
  }

  /** A Redis-style glob ({@code *}, {@code ?}) as a regex over the key without prefix. */
  static Pattern globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
