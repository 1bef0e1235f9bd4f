package dev.lectern.roster.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredRolesTest {

  @Test
  void readsRolesAsPostgresqlPrintsThem() {
    List<String[]> roles =
        values(
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
        values(
            "[{\"org\":\"é\\\"b\\\\c\",\"x\":12.5,\"role\":\"teacher\",\"userProfile\":null,"
                + "\"roleType\":\"primary\",\"roles\":\"no\",\"y\":true}]");
    assertThat(roles)
        .containsExactly(new String[] {"primary", "teacher", "é\\\"b\\\\c", null, null, null});
  }

  @Test
  void emptyArrayAndEmptyObject() {
    assertThat(values(" [ ] ")).isEmpty();
    assertThat(values("[{}]")).hasSize(1);
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
      assertThatThrownBy(() -> values(bad)).as(bad).isInstanceOf(IllegalStateException.class);
    }
  }

  /** The roles with each member's value as text, null when absent. */
  private static List<String[]> values(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    List<String[]> roles = new ArrayList<>();
    for (int[] role : StoredRoles.parse(bytes)) {
      String[] values = new String[StoredRoles.MEMBERS.size()];
      for (int i = 0; i < values.length; i++) {
        if (role[2 * i] >= 0) {
          values[i] =
              new String(bytes, role[2 * i], role[2 * i + 1] - role[2 * i], StandardCharsets.UTF_8);
        }
      }
      roles.add(values);
    }
    return roles;
  }
}
