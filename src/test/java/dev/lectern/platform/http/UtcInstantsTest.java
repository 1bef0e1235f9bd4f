package dev.lectern.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UtcInstantsTest {

  @Test
  void shouldReadIsoUtcTimesOfYearsOneToNineThousandNineHundredNinetyNine() {
    assertThat(UtcInstants.parse("2026-11-24T06:00:00Z"))
        .contains(Instant.parse("2026-11-24T06:00:00Z"));
    assertThat(UtcInstants.parse("9999-12-31T23:59:59Z")).isPresent();
    assertThat(UtcInstants.parse("0001-01-01T00:00:00Z")).isPresent();
  }

  @Test
  void shouldRefuseYearsPostgresqlCannotStoreAndAnythingElse() {
    for (String text :
        new String[] {
          "+294277-01-01T00:00:00Z",
          "-4713-01-01T00:00:00Z",
          "+10000-01-01T00:00:00Z",
          "0000-12-31T23:59:59Z",
          "2026-11-24",
          "yesterday",
          null
        }) {
      assertThat(UtcInstants.parse(text)).as(String.valueOf(text)).isEmpty();
    }
  }
}
