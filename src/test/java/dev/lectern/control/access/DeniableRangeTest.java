package dev.lectern.control.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.http.TrustedProxies;
import org.junit.jupiter.api.Test;

class DeniableRangeTest {

  private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/16");
  private static final String ADMIN = "192.0.2.10";

  @Test
  void shouldWriteADeniableRangeOneWay() {
    assertThat(DeniableRange.check(" 198.51.100.77/24 ", ADMIN, PROXIES))
        .isEqualTo("198.51.100.0/24");
    assertThat(DeniableRange.check("127.0.0.2", ADMIN, PROXIES)).isEqualTo("127.0.0.2/32");
  }

  @Test
  void shouldRefuseWhatWouldLockOutTheAdminProxiesOrLocalChecks() {
    assertThat(code("192.0.2.0/24")).isEqualTo("denies_caller");
    assertThat(code("10.0.3.0/24")).isEqualTo("denies_infrastructure");
    assertThat(code("10.0.0.0/8")).isEqualTo("denies_infrastructure");
    assertThat(code("127.0.0.0/8")).isEqualTo("denies_infrastructure");
    assertThat(code("::1")).isEqualTo("denies_infrastructure");
  }

  @Test
  void shouldRefuseWhatIsNotOneNarrowRange() {
    for (String bad : new String[] {"0.0.0.0/0", "8.0.0.0/7", "a.b.c.d", "1.2.3.4,5.6.7.8", ""}) {
      assertThat(code(bad)).as(bad).isEqualTo("validation_failed");
    }
  }

  private static String code(String cidr) {
    try {
      DeniableRange.check(cidr, ADMIN, PROXIES);
    } catch (ApiException e) {
      return e.code();
    }
    throw new AssertionError(cidr + " was accepted");
  }
}
