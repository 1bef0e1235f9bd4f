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
  void shouldMatchAddressesInsideTheRangeOnly() {
    AddressRanges range = AddressRanges.parse("198.51.100.0/24");
    assertThat(range.contains("198.51.100.200")).isTrue();
    assertThat(range.contains("198.51.101.1")).isFalse();
    assertThat(range.contains("2001:db8::1")).isFalse();
    assertThat(range.contains("not-an-address")).isFalse();
  }
}
