package dev.lectern.platform.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void shouldKeepPlainIdsUpTo128Characters() {
    assertThat(RequestIds.acceptOrGenerate("abc-DEF_1.2")).isEqualTo("abc-DEF_1.2");
    String longest = "x".repeat(128);
    assertThat(RequestIds.acceptOrGenerate(longest)).isEqualTo(longest);
  }

  @Test
  void shouldReplaceMissingEmptyLongOrUnsafeIds() {
    for (String bad : new String[] {null, "", "x".repeat(129), "a b", "a\nb", "a/b", "\u00e9"}) {
      String id = RequestIds.acceptOrGenerate(bad);
      assertThat(id).isNotEqualTo(bad);
      assertThat(UUID.fromString(id)).isNotNull();
    }
  }
}
