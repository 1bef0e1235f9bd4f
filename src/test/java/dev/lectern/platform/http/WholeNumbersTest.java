package dev.lectern.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WholeNumbersTest {

  @Test
  void shouldReadAsciiDigitsWithAnOptionalSign() {
    assertThat(WholeNumbers.parse("12")).contains(12L);
    assertThat(WholeNumbers.parse("+7")).contains(7L);
    assertThat(WholeNumbers.parse("-3")).contains(-3L);
    assertThat(WholeNumbers.parse("007")).contains(7L);
  }

  @Test
  void shouldRefuseDigitsOfOtherScriptsAndEverythingElse() {
    for (String text : new String[] {"١٢", "１２", "1.5", "1e3", "", " 1", "0x10", "-", null}) {
      assertThat(WholeNumbers.parse(text)).as(String.valueOf(text)).isEmpty();
    }
  }

  @Test
  void shouldSaturateBeyondALong() {
    assertThat(WholeNumbers.parse("99999999999999999999999")).contains(Long.MAX_VALUE);
    assertThat(WholeNumbers.parse("-99999999999999999999999")).contains(Long.MIN_VALUE);
    assertThat(WholeNumbers.parse("999999999999999999")).contains(999_999_999_999_999_999L);
  }
}
