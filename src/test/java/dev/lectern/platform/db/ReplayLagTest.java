package dev.lectern.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplayLagTest {

  private static final long SECOND = 1_000_000_000L;

  private final ReplayLag lag = new ReplayLag();

  @Test
  void anIdlePrimaryLeavesACaughtUpStandbyWithoutLag() {
    lag.primaryAt(0, 100);
    assertThat(lag.behind(SECOND, 100)).isZero();
    lag.primaryAt(60 * SECOND, 100);
    assertThat(lag.behind(61 * SECOND, 100)).isZero();
  }

  @Test
  void theLagIsTheAgeOfTheOldestPositionNotReplayed() {
    lag.primaryAt(0, 100);
    lag.primaryAt(SECOND, 200);
    lag.primaryAt(2 * SECOND, 300);
    assertThat(lag.behind(5 * SECOND, 50)).isEqualTo(Duration.ofSeconds(5));
    assertThat(lag.behind(5 * SECOND, 150)).isEqualTo(Duration.ofSeconds(4));
    assertThat(lag.behind(5 * SECOND, 300)).isZero();
  }

  @Test
  void aStandbyThatCatchesUpLosesItsLagAtOnce() {
    lag.primaryAt(0, 100);
    assertThat(lag.behind(10 * SECOND, 99)).isEqualTo(Duration.ofSeconds(10));
    assertThat(lag.behind(10 * SECOND, 100)).isZero();
    assertThat(lag.behind(11 * SECOND, 100)).isZero();
  }
}
