package dev.lectern.platform.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Redis connection settings. An empty {@code REDIS_URL} runs Lectern without Redis. */
@ApplicationScoped
public class RedisConfig {

  @Inject
  @ConfigProperty(name = "REDIS_URL", defaultValue = "redis://127.0.0.1:6379")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "REDIS_KEY_PREFIX", defaultValue = "lectern:")
  String keyPrefix;

  @Inject
  @ConfigProperty(name = "REDIS_TIMEOUT_MILLIS", defaultValue = "1000")
  int timeoutMillis;

  @Inject
  @ConfigProperty(name = "REDIS_POOL_MAX", defaultValue = "16")
  int poolMax;

  /** The Redis URI, or empty when Redis is switched off. */
  public Optional<URI> uri() {
    return url.map(String::strip).filter(s -> !s.isEmpty()).map(URI::create);
  }

  /** Prefix of every key Lectern writes, so several deployments or test runs share one Redis. */
  public String keyPrefix() {
    return keyPrefix;
  }

  /** Connect and socket timeout: a hung Redis must cost less than a probe's time box. */
  public Duration timeout() {
    return Duration.ofMillis(timeoutMillis);
  }

  public int poolMax() {
    return poolMax;
  }
}
