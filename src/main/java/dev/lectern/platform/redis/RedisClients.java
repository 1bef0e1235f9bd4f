package dev.lectern.platform.redis;

import java.net.URI;
import java.util.Set;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

/** Builds the pooled Jedis client for one Redis or for the master a set of sentinels names. */
final class RedisClients {

  private RedisClients() {}

  static UnifiedJedis open(RedisConfig config, URI uri) {
    int timeout = (int) config.timeout().toMillis();
    DefaultJedisClientConfig.Builder master =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(timeout)
            .socketTimeoutMillis(timeout)
            .blockingSocketTimeoutMillis(timeout)
            .clientName("lectern");
    RedisUris.applyCredentials(uri, master);
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(config.poolMax());
    pool.setMaxIdle(config.poolMax());
    pool.setMinIdle(0);
    // Borrowing must never wait long: a caller that cannot get a connection falls back to memory.
    pool.setMaxWait(config.timeout());
    pool.setTestWhileIdle(true);
    Set<HostAndPort> sentinels = config.sentinels();
    if (sentinels.isEmpty()) {
      return RedisClient.builder()
          .hostAndPort(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort())
          .clientConfig(master.build())
          .poolConfig(pool)
          .build();
    }
    return sentinelClient(config, sentinels, master.build(), pool);
  }

  /**
   * A client whose pool follows the master the sentinels name: Jedis subscribes to their
   * switch-master announcements and rebuilds the pool on the new master, so a failover needs no
   * restart. Calls made during the switch fail and fall back to memory like any outage. Building it
   * asks the sentinels for the master, so it throws while none answers.
   */
  private static UnifiedJedis sentinelClient(
      RedisConfig config,
      Set<HostAndPort> sentinels,
      JedisClientConfig master,
      GenericObjectPoolConfig<Connection> pool) {
    int timeout = (int) config.timeout().toMillis();
    DefaultJedisClientConfig.Builder sentinel =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(timeout)
            .socketTimeoutMillis(timeout)
            .clientName("lectern-sentinel")
            .ssl(master.isSsl());
    config.sentinelPassword().ifPresent(sentinel::password);
    return RedisSentinelClient.builder()
        .masterName(config.sentinelMaster())
        .sentinels(sentinels)
        .sentinelClientConfig(sentinel.build())
        .clientConfig(master)
        .poolConfig(pool)
        .build();
  }
}
