package dev.lectern.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathIdsTest {

  @Test
  void shouldShowShortPrintableIdsAsTheyAre() {
    assertThat(PathIds.shown("lectern_20261124_020000")).isEqualTo("lectern_20261124_020000");
  }

  @Test
  void shouldNeverEchoMoreThanSixtyFourCharactersOrControlCharacters() {
    assertThat(PathIds.shown("x".repeat(5000))).hasSize(67).endsWith("...");
    assertThat(PathIds.shown("a\nb\u0000c\u00e9")).isEqualTo("a?b?c?");
    assertThat(PathIds.shown(null)).isEmpty();
  }
}
