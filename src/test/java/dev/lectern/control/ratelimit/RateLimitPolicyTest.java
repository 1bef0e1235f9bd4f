package dev.lectern.control.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.control.policy.RateLimitTier;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitPolicyTest {

  @Test
  void shouldParseCountsPerWindow() {
    assertThat(RateLimitPolicy.parse("5/1m"))
        .contains(new RateLimitPolicy(5, Duration.ofMinutes(1)));
    assertThat(RateLimitPolicy.parse(" 3/5m "))
        .contains(new RateLimitPolicy(3, Duration.ofMinutes(5)));
    assertThat(RateLimitPolicy.parse("100/30s"))
        .contains(new RateLimitPolicy(100, Duration.ofSeconds(30)));
    assertThat(RateLimitPolicy.parse("1000/1h"))
        .contains(new RateLimitPolicy(1000, Duration.ofHours(1)));
    assertThat(RateLimitPolicy.parse("OFF")).isEmpty();
  }

  @Test
  void shouldRefuseWhatIsNotAQuota() {
    for (String bad :
        new String[] {
          "",
          "5",
          "5/",
          "/1m",
          "0/1m",
          "5/0m",
          "5/1y",
          "-5/1m",
          "5 per minute",
          "1/367d",
          "1/999999d"
        }) {
      assertThatThrownBy(() -> RateLimitPolicy.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("5/1m");
    }
  }

  @Test
  void shouldWriteTheIetfHeaderMembers() {
    RateLimitPolicy policy = RateLimitPolicy.parse("3/5m").orElseThrow();
    assertThat(policy.header(RateLimitTier.PASSWORD_RESET))
        .isEqualTo("\"password-reset\";q=3;w=300");
    assertThat(new RateLimitDecision(RateLimitTier.AUTH, policy, true, 2, 41, 1).header())
        .isEqualTo("\"auth\";r=2;t=41");
  }

  @Test
  void shouldCountAccountsAgainstTheDeclaredTier() {
    var user = RateLimitRules.Caller.USER;
    assertThat(RateLimitRules.tier(Optional.of(RateLimitTier.UPLOAD), false, user))
        .contains(RateLimitTier.UPLOAD);
    assertThat(RateLimitRules.tier(Optional.of(RateLimitTier.ADMIN), false, user))
        .contains(RateLimitTier.ADMIN);
    assertThat(RateLimitRules.tier(Optional.empty(), false, user)).contains(RateLimitTier.WRITE);
  }

  @Test
  void shouldCountApiClientsAndAnonymousCallersByWhoTheyAre() {
    for (RateLimitTier declared : RateLimitTier.values()) {
      assertThat(RateLimitRules.tier(Optional.of(declared), false, RateLimitRules.Caller.API_KEY))
          .contains(RateLimitTier.ONEROSTER);
      assertThat(RateLimitRules.tier(Optional.of(declared), false, RateLimitRules.Caller.ANONYMOUS))
          .contains(RateLimitTier.ANONYMOUS);
    }
  }

  @Test
  void shouldLimitNobodyOnExemptRoutes() {
    for (RateLimitRules.Caller caller : RateLimitRules.Caller.values()) {
      assertThat(RateLimitRules.tier(Optional.empty(), true, caller)).as(caller.name()).isEmpty();
    }
  }
}
