package dev.lectern.roster.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RosterPagingTest {

  @Test
  void findsEachLineAndNothingPastTheLast() {
    assertThat(RosterPaging.line("a\nbb\nccc", 0)).contains("a");
    assertThat(RosterPaging.line("a\nbb\nccc", 1)).contains("bb");
    assertThat(RosterPaging.line("a\nbb\nccc", 2)).contains("ccc");
    assertThat(RosterPaging.line("a\nbb\nccc", 3)).isEmpty();
    assertThat(RosterPaging.line("only", 0)).contains("only");
    assertThat(RosterPaging.line("", 0)).isEmpty();
  }
}
