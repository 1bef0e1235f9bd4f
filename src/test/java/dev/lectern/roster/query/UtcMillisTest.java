package dev.lectern.roster.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UtcMillisTest {

  @Test
  void printsWhatIsoInstantPrintsForMillisecondInstants() {
    SplittableRandom random = new SplittableRandom(42);
    long[] fixed = {0, 1, 999, 1000, -1, -1001, 1_796_122_138_002L, 253_402_300_799_999L};
    for (long millis : fixed) {
      assertSame(millis);
    }
    for (int i = 0; i < 100_000; i++) {
      assertSame(random.nextLong(-62_167_219_200_000L, 253_402_300_800_000L));
    }
  }

  @Test
  void yearsOutsideFourDigitsFallBackToTheGeneralFormatter() {
    assertSame(-62_167_219_200_001L);
    assertSame(253_402_300_800_000L);
  }

  private static void assertSame(long millis) {
    String expected =
        DateTimeFormatter.ISO_INSTANT.format(
            Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.MILLIS));
    assertThat(UtcMillis.append(new JsonBytes(8), millis).toString())
        .as("%d", millis)
        .isEqualTo(expected);
  }
}
