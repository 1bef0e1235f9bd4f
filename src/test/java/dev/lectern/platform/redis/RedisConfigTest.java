package dev.lectern.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;

class RedisConfigTest {

  @Test
  void readsASentinelListWithSpacesAndIpv6() {
    assertThat(RedisConfig.parseSentinels(" s1:26379, s2:26380 ,[::1]:26381,"))
        .containsExactly(
            new HostAndPort("s1", 26379),
            new HostAndPort("s2", 26380),
            new HostAndPort("::1", 26381));
    assertThat(RedisConfig.parseSentinels("")).isEmpty();
  }

  @Test
  void refusesAnEntryWithoutAPort() {
    assertThatThrownBy(() -> RedisConfig.parseSentinels("s1:26379,s2"))
        .hasMessageContaining("'s2' is not host:port");
    assertThatThrownBy(() -> RedisConfig.parseSentinels("s1:"))
        .hasMessageContaining("is not host:port");
  }
}
