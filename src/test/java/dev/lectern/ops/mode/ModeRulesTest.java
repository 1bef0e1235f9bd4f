package dev.lectern.ops.mode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ModeRulesTest {

  @Test
  void shouldRefuseNothingInNormalMode() {
    assertThat(ModeRules.refuses(OperatingMode.NORMAL, "PUT", "api/v1/admin/roster/users/x"))
        .isFalse();
  }

  @Test
  void shouldRefuseOnlyWritesWhenReadOnly() {
    var mode = OperatingMode.READ_ONLY;
    assertThat(ModeRules.refuses(mode, "GET", "ims/oneroster/rostering/v1p2/users")).isFalse();
    assertThat(ModeRules.refuses(mode, "PUT", "api/v1/admin/roster/users/x")).isTrue();
    assertThat(ModeRules.refuses(mode, "POST", "api/v1/admin/api-keys")).isTrue();
    assertThat(ModeRules.refuses(mode, "PUT", "api/v1/admin/mode")).isFalse();
    assertThat(ModeRules.refuses(mode, "POST", "api/v1/auth/login")).isFalse();
    assertThat(ModeRules.refuses(mode, "POST", "api/v1/cache/clear")).isFalse();
  }

  @Test
  void shouldLeaveOnlyProbesAuthAndAdminOpenInMaintenance() {
    var mode = OperatingMode.MAINTENANCE;
    assertThat(ModeRules.refuses(mode, "GET", "ims/oneroster/rostering/v1p2/users")).isTrue();
    assertThat(ModeRules.refuses(mode, "GET", "ims/oneroster/rostering/v1p2/discovery/x.json"))
        .isTrue();
    assertThat(ModeRules.refuses(mode, "GET", "readyz")).isFalse();
    assertThat(ModeRules.refuses(mode, "GET", "api/v1/health")).isFalse();
    assertThat(ModeRules.refuses(mode, "POST", "api/v1/auth/login")).isFalse();
    assertThat(ModeRules.refuses(mode, "PUT", "api/v1/admin/roster/users/x")).isFalse();
    assertThat(ModeRules.refuses(mode, "GET", ".well-known/jwks.json")).isFalse();
  }

  @Test
  void shouldEndByItselfAtUntil() {
    Instant now = Instant.parse("2026-11-24T08:00:00Z");
    ModeState state =
        new ModeState(OperatingMode.MAINTENANCE, "upgrade", now, now.minusSeconds(60), "admin");
    assertThat(state.effective(now.minusSeconds(1))).isEqualTo(OperatingMode.MAINTENANCE);
    assertThat(state.effective(now)).isEqualTo(OperatingMode.NORMAL);
  }
}
