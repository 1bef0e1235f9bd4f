package dev.lectern.platform.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.HostAndPort;

/**
 * Redis connection settings. An empty {@code REDIS_URL} runs Lectern without Redis; {@code
 * REDIS_SENTINELS} makes the sentinels, not the URL, say where the master is.
 */
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

  @Inject
  @ConfigProperty(name = "REDIS_SENTINELS", defaultValue = "")
  Optional<String> sentinels;

  @Inject
  @ConfigProperty(name = "REDIS_SENTINEL_MASTER", defaultValue = "lectern")
  String sentinelMaster;

  @Inject
  @ConfigProperty(name = "REDIS_SENTINEL_PASSWORD", defaultValue = "")
  Optional<String> sentinelPassword;

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

  /**
   * The sentinels to ask for the master, or empty to connect to {@code REDIS_URL}'s host. With
   * sentinels, {@code REDIS_URL} still gives the master's credentials, database and TLS.
   */
  public Set<HostAndPort> sentinels() {
    return parseSentinels(sentinels.orElse(""));
  }

  /** The name the sentinels monitor the master under. */
  public String sentinelMaster() {
    return sentinelMaster.strip();
  }

  /** The sentinels' own password, when they require one. */
  public Optional<String> sentinelPassword() {
    return sentinelPassword.filter(p -> !p.isEmpty());
  }

  static Set<HostAndPort> parseSentinels(String list) {
    Set<HostAndPort> result = new LinkedHashSet<>();
    for (String entry : list.split(",")) {
      String hostPort = entry.strip();
      if (hostPort.isEmpty()) {
        continue;
      }
      int colon = hostPort.lastIndexOf(':');
      if (colon <= 0 || colon == hostPort.length() - 1) {
        throw new IllegalArgumentException("REDIS_SENTINELS: '" + hostPort + "' is not host:port");
      }
      String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
      try {
        result.add(new HostAndPort(host, Integer.parseInt(hostPort.substring(colon + 1))));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "REDIS_SENTINELS: '" + hostPort + "' is not host:port", e);
      }
    }
    return result;
  }
}
