package dev.lectern.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

  private static final RetentionPolicy POLICY = new RetentionPolicy(7, 4, 6, 2, ZoneOffset.UTC);

  /** A nightly backup at 02:00 for {@code days} days ending 2026-11-24 (a Tuesday). */
  private static List<RetentionPolicy.Candidate> nightly(int days) {
    List<RetentionPolicy.Candidate> backups = new ArrayList<>();
    LocalDate last = LocalDate.of(2026, 11, 24);
    for (int i = 0; i < days; i++) {
      LocalDate day = last.minusDays(i);
      backups.add(
          new RetentionPolicy.Candidate(
              "d" + day, day.atTime(2, 0).toInstant(ZoneOffset.UTC), "schedule"));
    }
    return backups;
  }

  @Test
  void shouldKeepSevenDailiesFourWeekliesAndSixMonthliesOfAYearOfNightlyBackups() {
    assertThat(POLICY.keep(nightly(365)))
        .containsExactlyInAnyOrder(
            // the last seven days
            "d2026-11-24",
            "d2026-11-23",
            "d2026-11-22",
            "d2026-11-21",
            "d2026-11-20",
            "d2026-11-19",
            "d2026-11-18",
            // newest of each of the last four ISO weeks (weeks end on Sunday)
            "d2026-11-15",
            "d2026-11-08",
            // newest of each of the last six months
            "d2026-10-31",
            "d2026-09-30",
            "d2026-08-31",
            "d2026-07-31",
            "d2026-06-30");
  }

  @Test
  void shouldKeepEverythingWhileThereAreFewerBackupsThanTheCounts() {
    assertThat(POLICY.keep(nightly(3))).hasSize(3);
  }

  @Test
  void shouldKeepManualKindsByTheirOwnCountAndNeverAnUnknownOne() {
    List<RetentionPolicy.Candidate> backups = new ArrayList<>(nightly(1));
    for (int i = 1; i <= 4; i++) {
      Instant at = Instant.parse("2026-11-2" + i + "T12:00:00Z");
      backups.add(new RetentionPolicy.Candidate("m" + i, at, "manual"));
      backups.add(new RetentionPolicy.Candidate("r" + i, at, "pre-restore"));
    }
    backups.add(new RetentionPolicy.Candidate("x", Instant.EPOCH, "unknown"));
    assertThat(POLICY.keep(backups))
        .containsExactlyInAnyOrder("d2026-11-24", "m4", "m3", "r4", "r3", "x");
  }

  @Test
  void shouldKeepOnlyTheNewestBackupOfADayWithSeveral() {
    List<RetentionPolicy.Candidate> backups =
        List.of(
            new RetentionPolicy.Candidate(
                "early", Instant.parse("2026-11-24T01:00:00Z"), "schedule"),
            new RetentionPolicy.Candidate(
                "late", Instant.parse("2026-11-24T23:00:00Z"), "schedule"));
    assertThat(new RetentionPolicy(7, 0, 0, 0, ZoneOffset.UTC).keep(backups))
        .containsExactly("late");
  }
}
