package dev.lectern.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7, fd00::/8");

  @Test
  void shouldUseTheSocketPeerWhenItIsNotTrusted() {
    assertThat(proxies.client("203.0.113.9", "1.2.3.4")).isEqualTo("203.0.113.9");
    assertThat(TrustedProxies.parse("").client("10.1.1.1", "1.2.3.4")).isEqualTo("10.1.1.1");
  }

  @Test
  void shouldTakeTheNearestUntrustedForwardedAddress() {
    assertThat(proxies.client("10.1.2.3", "198.51.100.4")).isEqualTo("198.51.100.4");
    // A client cannot pick its address: it can only add hops on the left.
    assertThat(proxies.client("10.1.2.3", "6.6.6.6, 198.51.100.4, 192.168.1.7"))
        .isEqualTo("198.51.100.4");
    assertThat(proxies.client("fd12::1", "2001:db8::5")).isEqualTo("2001:db8::5");
    assertThat(proxies.client("10.1.2.3", "10.9.9.9")).isEqualTo("10.9.9.9");
    assertThat(proxies.client("10.1.2.3", "not-an-ip, 198.51.100.4")).isEqualTo("198.51.100.4");
    assertThat(proxies.client("10.1.2.3", "evil.example")).isEqualTo("10.1.2.3");
  }

  @Test
  void shouldMatchRangesBitByBit() {
    TrustedProxies narrow = TrustedProxies.parse("172.16.0.0/12");
    assertThat(narrow.trusted("172.31.255.255")).isTrue();
    assertThat(narrow.trusted("172.32.0.0")).isFalse();
    assertThat(narrow.trusted("::1")).isFalse();
  }

  @Test
  void shouldRefuseEntriesThatAreNotAddresses() {
    assertThatThrownBy(() -> TrustedProxies.parse("proxy.internal"))
        .hasMessageContaining("proxy.internal");
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
        .hasMessageContaining("10.0.0.0/33");
  }
}
