package dev.lectern.control.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.platform.config.Sha256;
import dev.lectern.platform.redis.RedisConnection;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import redis.clients.jedis.RedisClient;

/**
 * Counts a request against its tier's bucket. Buckets live in Redis, so every replica draws from
 * the same quota; while Redis cannot be reached each server keeps its own buckets in memory (a
 * client then gets at most the quota once per server) and returns to the shared ones by itself.
 * Keys are hashed: usernames and addresses never appear in Redis.
 */
@ApplicationScoped
public class RateLimiter {

  private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
  private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

  @Inject RateLimitConfig config;
  @Inject RedisConnection redis;
  @Inject MetricRegistry metrics;

  private final Map<RateLimitTier, BucketConfiguration> configurations =
      new EnumMap<>(RateLimitTier.class);
  private final Cache<String, Bucket> localBuckets =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofDays(1)).build();
  private volatile ProxyManager<byte[]> shared;

  @PostConstruct
  void init() {
    for (RateLimitTier tier : RateLimitTier.values()) {
      config
          .policy(tier)
          .ifPresent(
              policy ->
                  configurations.put(
                      tier,
                      BucketConfiguration.builder()
                          .addLimit(
                              limit ->
                                  limit
                                      .capacity(policy.count())
                                      .refillIntervally(policy.count(), policy.window()))
                          .build()));
    }
  }

  /** Takes one request from the bucket of {@code tier} and {@code key}; empty when not limited. */
  public Optional<RateLimitDecision> consume(RateLimitTier tier, String key) {
    return decide(tier, key, bucket -> bucket.tryConsumeAndReturnRemaining(1));
  }

  /**
   * Gives back a token {@link #consume} took: for tiers that count an attempt in advance and only
   * keep the count when the attempt fails.
   */
  public void refund(RateLimitTier tier, String key) {
    if (config.policy(tier).isEmpty()) {
      return;
    }
    String bucketKey = tier.label() + ":" + Sha256.shortHex(key);
    Function<Bucket, ConsumptionProbe> giveBack =
        bucket -> {
          bucket.addTokens(1);
          return ConsumptionProbe.consumed(0, 0);
        };
    if (fromRedis(tier, bucketKey, giveBack).isEmpty()) {
      giveBack.apply(localBucket(tier, bucketKey));
    }
  }

  private Optional<RateLimitDecision> decide(
      RateLimitTier tier, String key, Function<Bucket, ConsumptionProbe> action) {
    Optional<RateLimitPolicy> policy = config.policy(tier);
    if (policy.isEmpty()) {
      return Optional.empty();
    }
    String bucketKey = tier.label() + ":" + Sha256.shortHex(key);
    ConsumptionProbe probe =
        fromRedis(tier, bucketKey, action)
            .orElseGet(() -> action.apply(localBucket(tier, bucketKey)));
    RateLimitDecision decision =
        new RateLimitDecision(
            tier,
            policy.get(),
            probe.isConsumed(),
            probe.getRemainingTokens(),
            seconds(probe.getNanosToWaitForReset()),
            Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    if (!decision.allowed()) {
      metrics.counter("lectern_rate_limit_rejections", new Tag("tier", tier.label())).inc();
    }
    return Optional.of(decision);
  }

  private Optional<ConsumptionProbe> fromRedis(
      RateLimitTier tier, String bucketKey, Function<Bucket, ConsumptionProbe> action) {
    Optional<RedisClient> client = redis.usable();
    if (client.isEmpty()) {
      return Optional.empty();
    }
    try {
      byte[] key = redis.key("ratelimit:" + bucketKey).getBytes(StandardCharsets.UTF_8);
      return Optional.of(
          action.apply(proxies(client.get()).builder().build(key, () -> configurations.get(tier))));
    } catch (RuntimeException e) {
      redis.failed("rate limit", e);
      LOG.fine(() -> "rate limit bucket " + tier.label() + " counted in memory for a while");
      return Optional.empty();
    }
  }

  /** Built on first use: the Redis client exists once the application has started. */
  private synchronized ProxyManager<byte[]> proxies(RedisClient client) {
    if (shared == null) {
      // Buckets expire from Redis once full again (plus a margin), so idle keys do not pile up.
      shared =
          Bucket4jJedis.casBasedBuilder(client)
              .expirationAfterWrite(
                  ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                      Duration.ofSeconds(10)))
              .build();
    }
    return shared;
  }

  private Bucket localBucket(RateLimitTier tier, String bucketKey) {
    return localBuckets.get(
        bucketKey,
        k -> Bucket.builder().addLimit(configurations.get(tier).getBandwidths()[0]).build());
  }

  private static long seconds(long nanos) {
    return (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
  }
}
