package dev.lectern.control.mode;

import static dev.lectern.control.policy.ModeExposure.ADMINISTRATION;
import static dev.lectern.control.policy.ModeExposure.ALWAYS_OPEN;
import static dev.lectern.control.policy.ModeExposure.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.control.policy.ModeExposure;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ModeRulesTest {

  @Test
  void shouldRefuseNothingInNormalMode() {
    for (ModeExposure exposure : ModeExposure.values()) {
      assertThat(ModeRules.refuses(OperatingMode.NORMAL, "PUT", exposure)).isFalse();
    }
  }

  @Test
  void shouldRefuseOnlyWritesOutsideTheAlwaysOpenWhenReadOnly() {
    var mode = OperatingMode.READ_ONLY;
    assertThat(ModeRules.refuses(mode, "GET", SERVICE)).isFalse();
    assertThat(ModeRules.refuses(mode, "HEAD", ADMINISTRATION)).isFalse();
    assertThat(ModeRules.refuses(mode, "PUT", SERVICE)).isTrue();
    assertThat(ModeRules.refuses(mode, "POST", ADMINISTRATION)).isTrue();
    assertThat(ModeRules.refuses(mode, "DELETE", ADMINISTRATION)).isTrue();
    assertThat(ModeRules.refuses(mode, "PUT", ALWAYS_OPEN)).isFalse();
    assertThat(ModeRules.refuses(mode, "POST", ALWAYS_OPEN)).isFalse();
  }

  @Test
  void shouldLeaveOnlyTheAlwaysOpenAndAdministrationOpenInMaintenance() {
    var mode = OperatingMode.MAINTENANCE;
    assertThat(ModeRules.refuses(mode, "GET", SERVICE)).isTrue();
    assertThat(ModeRules.refuses(mode, "POST", SERVICE)).isTrue();
    assertThat(ModeRules.refuses(mode, "GET", ALWAYS_OPEN)).isFalse();
    assertThat(ModeRules.refuses(mode, "POST", ALWAYS_OPEN)).isFalse();
    assertThat(ModeRules.refuses(mode, "PUT", ADMINISTRATION)).isFalse();
    assertThat(ModeRules.refuses(mode, "GET", ADMINISTRATION)).isFalse();
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
