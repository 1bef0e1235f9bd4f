package dev.lectern.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressRangesTest {

  @Test
  void shouldAcceptOneAddressOrARangeUpToSlash8OrSlash32() {
    for (String ok : new String[] {"192.0.2.7", "10.0.0.0/8", "198.51.100.0/24", "2001:db8::/32"}) {
      assertThat(AddressRanges.singleRangeProblem(ok)).as(ok).isEmpty();
    }
  }

  @Test
  void shouldNameWhatIsWrongWithAnythingElse() {
    assertThat(AddressRanges.singleRangeProblem("10.0.0.0/7"))
        .contains("a range of at most /8 (IPv4) or /32 (IPv6) addresses");
    assertThat(AddressRanges.singleRangeProblem("0.0.0.0/0")).isPresent();
    assertThat(AddressRanges.singleRangeProblem("::/0")).isPresent();
    assertThat(AddressRanges.singleRangeProblem("10.0.0.1, 10.0.0.2"))
        .contains("one address or CIDR range");
    assertThat(AddressRanges.singleRangeProblem("example.org"))
        .contains("not an IP address: example.org");
    assertThat(AddressRanges.singleRangeProblem("10.0.0.0/33")).isPresent();
    assertThat(AddressRanges.singleRangeProblem("")).isPresent();
  }

  @Test
  void shouldWriteEachRangeOneWay() {
    assertThat(AddressRanges.canonical("10.1.0.0/8")).isEqualTo("10.0.0.0/8");
    assertThat(AddressRanges.canonical(" 192.0.2.7 ")).isEqualTo("192.0.2.7/32");
    assertThat(AddressRanges.canonical("198.51.100.77/20")).isEqualTo("198.51.96.0/20");
    assertThat(AddressRanges.canonical("2001:DB8::1/32"))
        .isEqualTo(AddressRanges.canonical("2001:db8::/32"));
  }

  @Test
  void shouldTellOverlappingRangesApart() {
    AddressRanges proxies = AddressRanges.parse("10.0.0.0/8, 192.168.1.7");
    assertThat(proxies.overlaps(AddressRanges.parse("10.20.0.0/16"))).isTrue();
    assertThat(proxies.overlaps(AddressRanges.parse("8.0.0.0/6"))).isTrue();
    assertThat(proxies.overlaps(AddressRanges.parse("192.168.1.0/24"))).isTrue();
    assertThat(proxies.overlaps(AddressRanges.parse("192.168.2.0/24"))).isFalse();
    assertThat(proxies.overlaps(AddressRanges.parse("2001:db8::/32"))).isFalse();
    assertThat(AddressRanges.parse("").overlaps(AddressRanges.parse("0.0.0.0/0"))).isFalse();
  }

  @Test
  void shouldMatchAddressesInsideTheRangeOnly() {
    AddressRanges range = AddressRanges.parse("198.51.100.0/24");
    assertThat(range.contains("198.51.100.200")).isTrue();
    assertThat(range.contains("198.51.101.1")).isFalse();
    assertThat(range.contains("2001:db8::1")).isFalse();
    assertThat(range.contains("not-an-address")).isFalse();
  }
}
