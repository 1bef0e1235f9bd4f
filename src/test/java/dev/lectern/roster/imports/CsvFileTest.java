package dev.lectern.roster.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The binding's files: names, versions, and an apply order that never points forward. */
class CsvFileTest {

  @Test
  void everyReferencePointsToItsOwnFileOrOneAppliedBefore() {
    for (CsvFile file : CsvFile.values()) {
      for (CsvFile.Reference reference : file.references()) {
        CsvFile target = CsvFile.byManifestName(reference.target()).orElseThrow();
        assertThat(target.ordinal())
            .as("%s.%s -> %s", file, reference.header(), target)
            .isLessThanOrEqualTo(file.ordinal());
      }
    }
  }

  @Test
  void everyReferenceAndColumnIsStaged() {
    for (CsvFile file : CsvFile.values()) {
      List<String> staged = file.stagedColumns().stream().map(CsvColumn::column).toList();
      assertThat(staged).as("%s", file).doesNotHaveDuplicates().doesNotContainNull();
      for (CsvFile.Reference reference : file.references()) {
        assertThat(staged).as("%s", file).contains(reference.column());
      }
    }
  }

  @Test
  void versionOneOneUsersCarryOneRoleInTheirOrgsAndNoRolesFile() {
    List<String> users = CsvFile.USERS.columns("1.1").stream().map(CsvColumn::header).toList();
    assertThat(users)
        .startsWith("enabledUser", "orgSourcedIds", "role", "username")
        .doesNotContain("pronouns", "primaryOrgSourcedId");
    assertThat(CsvFile.USERS.columns("1.2").stream().map(CsvColumn::header))
        .contains("pronouns")
        .doesNotContain("orgSourcedIds");
    assertThat(CsvFile.ROLES.inVersion("1.1")).isFalse();
    assertThat(CsvFile.ROLES.inVersion("1.2")).isTrue();
    assertThat(CsvFile.USERS.stagedColumns().stream().map(CsvColumn::header))
        .doesNotContain("password")
        .contains("orgSourcedIds", "role");
  }

  @Test
  void namesAreTheManifestsAndIgnoredFilesAreNotRosterFiles() {
    assertThat(CsvFile.byManifestName("academicSessions")).contains(CsvFile.ACADEMIC_SESSIONS);
    assertThat(CsvFile.ACADEMIC_SESSIONS.fileName()).isEqualTo("academicSessions.csv");
    assertThat(CsvFile.byManifestName("AcademicSessions")).isEmpty();
    assertThat(Arrays.stream(CsvFile.values()).map(CsvFile::manifestName))
        .doesNotContainAnyElementsOf(CsvFile.IGNORED_FILES);
  }
}
