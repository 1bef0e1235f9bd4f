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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import redis.clients.jedis.UnifiedJedis;

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

  @Inject RateLimitOverrides limits;
  @Inject RedisConnection redis;
  @Inject MetricRegistry metrics;

  private final Cache<String, Bucket> localBuckets =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofDays(1)).build();
  private volatile ProxyManager<byte[]> shared;

  /** Bucket settings per quota: a tier whose limit changes at runtime draws fresh buckets. */
  private final Map<RateLimitPolicy, BucketConfiguration> configurations =
      new ConcurrentHashMap<>();

  /** Every tier's rejection counter exists from the start, at 0, for rates and alerts. */
  void start(@Observes Startup startup) {
    for (RateLimitTier tier : RateLimitTier.values()) {
      metrics.counter("lectern_rate_limit_rejections", new Tag("tier", tier.label()));
    }
  }

  private BucketConfiguration configuration(RateLimitPolicy policy) {
    return configurations.computeIfAbsent(
        policy,
        p ->
            BucketConfiguration.builder()
                .addLimit(
                    limit -> limit.capacity(p.count()).refillIntervally(p.count(), p.window()))
                .build());
  }

  /**
   * The bucket's key: the tier, its quota (so a quota changed at runtime starts from a full bucket,
   * and one changed back finds its old count) and the hashed caller.
   */
  private static String bucketKey(RateLimitTier tier, RateLimitPolicy policy, String key) {
    return tier.label()
        + ":"
        + policy.count()
        + "/"
        + policy.window().toSeconds()
        + ":"
        + Sha256.shortHex(key);
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
    Optional<RateLimitPolicy> policy = limits.policy(tier);
    if (policy.isEmpty()) {
      return;
    }
    String bucketKey = bucketKey(tier, policy.get(), key);
    Function<Bucket, ConsumptionProbe> giveBack =
        bucket -> {
          bucket.addTokens(1);
          return ConsumptionProbe.consumed(0, 0);
        };
    if (fromRedis(policy.get(), bucketKey, giveBack).isEmpty()) {
      giveBack.apply(localBucket(policy.get(), bucketKey));
    }
  }

  private Optional<RateLimitDecision> decide(
      RateLimitTier tier, String key, Function<Bucket, ConsumptionProbe> action) {
    Optional<RateLimitPolicy> policy = limits.policy(tier);
    if (policy.isEmpty()) {
      return Optional.empty();
    }
    String bucketKey = bucketKey(tier, policy.get(), key);
    ConsumptionProbe probe =
        fromRedis(policy.get(), bucketKey, action)
            .orElseGet(() -> action.apply(localBucket(policy.get(), bucketKey)));
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
      RateLimitPolicy policy, String bucketKey, Function<Bucket, ConsumptionProbe> action) {
    Optional<UnifiedJedis> client = redis.usable();
    if (client.isEmpty()) {
      return Optional.empty();
    }
    try {
      byte[] key = redis.key("ratelimit:" + bucketKey).getBytes(StandardCharsets.UTF_8);
      return Optional.of(
          action.apply(proxies(client.get()).builder().build(key, () -> configuration(policy))));
    } catch (RuntimeException e) {
      redis.failed("rate limit", e);
      LOG.fine(() -> "rate limit bucket " + bucketKey + " counted in memory for a while");
      return Optional.empty();
    }
  }

  /** Built on first use: the Redis client exists once the application has started. */
  private synchronized ProxyManager<byte[]> proxies(UnifiedJedis client) {
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

  private Bucket localBucket(RateLimitPolicy policy, String bucketKey) {
    return localBuckets.get(
        bucketKey,
        k -> Bucket.builder().addLimit(configuration(policy).getBandwidths()[0]).build());
  }

  private static long seconds(long nanos) {
    return (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
  }
}
