package dev.lectern.roster.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.roster.model.RosterType;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FilterCompilerTest {

  @Test
  void shouldBindValuesAndNeverInlineThem() {
    SqlFragment sql =
        FilterCompiler.compile(FilterParser.parse("familyName='x'' OR 1=1 --'"), RosterType.USER);
    assertThat(sql.sql()).isEqualTo("t.family_name = ?").doesNotContain("1=1");
    assertThat(sql.parameters()).containsExactly("x' OR 1=1 --");
  }

  @Test
  void shouldGroupBothSidesOfAnOr() {
    SqlFragment sql =
        FilterCompiler.compile(
            FilterParser.parse("givenName='a' OR familyName='b'"), RosterType.USER);
    assertThat(sql.sql()).isEqualTo("((t.given_name = ?) OR (t.family_name = ?))");
  }

  @Test
  void shouldCompareDateLastModifiedAsATimestamp() {
    SqlFragment sql =
        FilterCompiler.compile(
            FilterParser.parse("dateLastModified>'2026-01-01T00:00:00Z'"), RosterType.ENROLLMENT);
    assertThat(sql.sql()).isEqualTo("t.date_last_modified > ?");
    assertThat(sql.parameters())
        .containsExactly(Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")));
  }

  @Test
  void shouldMapDottedPathsToIndexedColumns() {
    assertThat(
            FilterCompiler.compile(FilterParser.parse("roles.org.sourcedId='S1'"), RosterType.USER)
                .sql())
        .isEqualTo("t.role_org_sourced_ids @> ARRAY[?]::text[]");
    assertThat(
            FilterCompiler.compile(FilterParser.parse("course.sourcedId='C1'"), RosterType.CLASS)
                .sql())
        .isEqualTo("t.course_sourced_id = ?");
  }

  @Test
  void shouldRefuseUnknownFieldsAndBadValues() {
    assertThatThrownBy(
            () -> FilterCompiler.compile(FilterParser.parse("password='x'"), RosterType.USER))
        .isInstanceOfSatisfying(
            RosterQueryException.class,
            e -> assertThat(e.codeMinor()).isEqualTo("invalid_filter_field"));
    assertThatThrownBy(
            () ->
                FilterCompiler.compile(
                    FilterParser.parse("dateLastModified>'yesterday'"), RosterType.USER))
        .isInstanceOfSatisfying(
            RosterQueryException.class, e -> assertThat(e.codeMinor()).isEqualTo("invaliddata"));
    assertThatThrownBy(
            () -> FilterCompiler.compile(FilterParser.parse("enabledUser>'true'"), RosterType.USER))
        .isInstanceOf(RosterQueryException.class);
  }

  @Test
  void shouldRefuseDatesOutsideYearsOneToNineThousandNineHundredNinetyNine() {
    for (String filter :
        new String[] {
          "dateLastModified>'+294277-01-01T00:00:00Z'",
          "dateLastModified>'+999999999-12-31'",
          "dateLastModified<'-4713-01-01'",
          "dateLastModified<'0000-01-01T00:00:00Z'",
          "birthDate<'-4713-01-01'",
          "birthDate>'+999999999-01-01'",
          "birthDate>'10000-01-01'"
        }) {
      RosterType type = filter.startsWith("birthDate") ? RosterType.DEMOGRAPHICS : RosterType.USER;
      assertThatThrownBy(() -> FilterCompiler.compile(FilterParser.parse(filter), type))
          .as(filter)
          .isInstanceOfSatisfying(
              RosterQueryException.class, e -> assertThat(e.codeMinor()).isEqualTo("invaliddata"));
    }
    assertThat(
            FilterCompiler.compile(
                    FilterParser.parse("dateLastModified>'9999-12-31T23:59:59Z'"), RosterType.USER)
                .parameters())
        .hasSize(1);
  }
}
