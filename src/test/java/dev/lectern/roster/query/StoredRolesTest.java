package dev.lectern.roster.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoredRolesTest {

  @Test
  void readsRolesAsPostgresqlPrintsThem() {
    List<String[]> roles =
        StoredRoles.parse(
            "[{\"org\": \"s1\", \"role\": \"student\", \"roleType\": \"primary\"}, "
                + "{\"org\": \"s2\", \"role\": \"aide\", \"endDate\": \"2027-06-30\","
                + " \"roleType\": \"secondary\", \"beginDate\": \"2026-08-15\"}]");
    assertThat(roles)
        .containsExactly(
            new String[] {"primary", "student", "s1", null, null, null},
            new String[] {"secondary", "aide", "s2", null, "2026-08-15", "2027-06-30"});
  }

  @Test
  void keepsEscapesAndSkipsUnknownMembersAndNonStrings() {
    List<String[]> roles =
        StoredRoles.parse(
            "[{\"org\":\"a\\\"b\\\\c\",\"x\":12.5,\"role\":\"teacher\",\"userProfile\":null,"
                + "\"roleType\":\"primary\",\"y\":true}]");
    assertThat(roles)
        .containsExactly(new String[] {"primary", "teacher", "a\\\"b\\\\c", null, null, null});
  }

  @Test
  void emptyArrayAndEmptyObject() {
    assertThat(StoredRoles.parse(" [ ] ")).isEmpty();
    assertThat(StoredRoles.parse("[{}]")).hasSize(1);
  }

  @Test
  void rejectsAnythingElse() {
    for (String bad :
        List.of(
            "",
            "{}",
            "[",
            "[{\"org\": \"s1\"",
            "[{\"org\": {\"id\": \"s1\"}}]",
            "[{\"org\": [\"s1\"]}]",
            "[{\"org\" \"s1\"}]",
            "[{\"org\": \"s1\"}",
            "[{\"org\": }]",
            "[{\"org\": \"s1\"]]")) {
      assertThatThrownBy(() -> StoredRoles.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalStateException.class);
    }
  }
}
