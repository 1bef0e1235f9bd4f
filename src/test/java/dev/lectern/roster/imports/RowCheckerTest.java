package dev.lectern.roster.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.control.jobs.JobProblem;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** One row checked against the binding, and the COPY line a good row becomes. */
class RowCheckerTest {

  private static final String ORGS =
      "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId";

  @Test
  void aGoodBulkRowBecomesOneCopyLineInStagingOrder() throws IOException {
    Checked org = check(CsvFile.ORGS, true, ORGS, "org-1,,,North\tHigh,school,N\\1,district-1");

    assertThat(org.problems).isEmpty();
    assertThat(org.line)
        .isEqualTo("2\torg-1\t\\N\t\\N\tNorth\\tHigh\tschool\tN\\\\1\tdistrict-1\t\\N\n");
  }

  @Test
  void bulkRowsCarryNoStatusAndDeltaRowsNeedOneWithATimestamp() throws IOException {
    assertThat(check(CsvFile.ORGS, true, ORGS, "o,active,,N,school,,").problems)
        .containsExactly(problem("orgs.csv", "status", "must be blank in a bulk file"));

    assertThat(check(CsvFile.ORGS, false, ORGS, "o,,,N,school,,").problems)
        .containsExactly(
            problem("orgs.csv", "status", "must be active or tobedeleted in a delta file"),
            problem("orgs.csv", "dateLastModified", "is required in a delta file"));

    assertThat(check(CsvFile.ORGS, false, ORGS, "o,active,2026-09-01,N,school,,").problems)
        .extracting(JobProblem::message)
        .containsExactly(
            "'2026-09-01' is not an ISO 8601 date-time such as 2026-09-01T00:00:00.000Z");

    Checked delta =
        check(CsvFile.ORGS, false, ORGS, "o,active,2026-09-01T00:00:00.000Z,N,school,,");
    assertThat(delta.problems).isEmpty();
    assertThat(delta.line).startsWith("2\to\tactive\t2026-09-01T00:00:00.000Z\tN\t");
  }

  @Test
  void requiredValuesAndEnumerationsAreCheckedExceptOnRowsBeingDeleted() throws IOException {
    assertThat(check(CsvFile.ORGS, true, ORGS, "o,,,,campus,,").problems)
        .containsExactly(
            problem("orgs.csv", "name", "is required"),
            problem(
                "orgs.csv",
                "type",
                "'campus' is not one of [department, district, local, national, school, state]"));

    Checked deleted = check(CsvFile.ORGS, false, ORGS, "o,tobedeleted,2026-09-01T00:00:00Z,,,,");
    assertThat(deleted.problems).isEmpty();
  }

  @Test
  void sessionDatesAndYearsAreStrict() throws IOException {
    String header =
        "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear";
    assertThat(
            check(
                    CsvFile.ACADEMIC_SESSIONS,
                    true,
                    header,
                    "t,,,Fall,term,2026-02-30,2026-13-01,,26")
                .problems)
        .extracting(JobProblem::field)
        .containsExactly("startDate", "endDate", "schoolYear");
    assertThat(
            check(
                    CsvFile.ACADEMIC_SESSIONS,
                    true,
                    header,
                    "t,,,Fall,term,2026-08-20,2026-12-20,,2027")
                .problems)
        .isEmpty();
  }

  @Test
  void usersBooleansListsIdsAndMetadataAreConverted() throws IOException {
    String header =
        "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,"
            + "grades,metadata.house,metadata.locker";
    Checked user =
        check(
            CsvFile.USERS,
            true,
            header,
            "u,,,TRUE,ann,\"{SIS:12}, {LDAP:ann}\",Ann,Lee,\" 09, 10 ,,\",Red,");

    assertThat(user.problems).isEmpty();
    assertThat(user.line)
        .contains(
            "\tt\tann\t[{\"type\":\"SIS\",\"identifier\":\"12\"},"
                + "{\"type\":\"LDAP\",\"identifier\":\"ann\"}]\tAnn\tLee\t")
        .contains("\t{\"09\",\"10\"}\t")
        .endsWith("\t{\"house\":\"Red\"}\n");

    assertThat(check(CsvFile.USERS, true, header, "u,,,yes,ann,SIS:12,Ann,Lee,,,").problems)
        .extracting(JobProblem::field, JobProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("enabledUser", "'yes' is not true or false"),
            org.assertj.core.groups.Tuple.tuple(
                "userIds", "must be a list of {type:identifier} such as {SIS:1234},{LDAP:jsmith}"));
  }

  @Test
  void rolesAcceptExtensionRolesOnlyWhereTheBindingAllowsThem() throws IOException {
    String header =
        "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,"
            + "orgSourcedId,userProfileSourcedId";
    assertThat(check(CsvFile.ROLES, true, header, "r,,,u,primary,ext:coach,,,o,").problems)
        .isEmpty();
    assertThat(check(CsvFile.ROLES, true, header, "r,,,u,ext:main,teacher,,,o,").problems)
        .extracting(JobProblem::field)
        .containsExactly("roleType");
  }

  private record Checked(String line, List<JobProblem> problems) {}

  private static Checked check(CsvFile file, boolean bulk, String header, String row)
      throws IOException {
    try (CSVParser parser = CsvText.parse(new StringReader(header + "\n" + row + "\n"))) {
      List<CSVRecord> records = parser.getRecords();
      Map<String, Integer> positions = new HashMap<>();
      CSVRecord names = records.get(0);
      for (int i = 0; i < names.size(); i++) {
        positions.put(names.get(i), i);
      }
      StringBuilder line = new StringBuilder();
      List<JobProblem> problems = new ArrayList<>();
      boolean good = new RowChecker(file, bulk, positions).check(records.get(1), 2, line, problems);
      assertThat(good).isEqualTo(problems.isEmpty());
      assertThat(line.isEmpty()).isEqualTo(!good);
      return new Checked(line.toString(), problems);
    }
  }

  private static JobProblem problem(String file, String field, String message) {
    return new JobProblem(file, 2L, field, message);
  }
}
