package dev.lectern.roster.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.roster.query.Filter.Operator;
import dev.lectern.roster.query.Filter.Predicate;
import org.junit.jupiter.api.Test;

class FilterParserTest {

  @Test
  void shouldParseEverySingleOperator() {
    for (Operator operator : Operator.values()) {
      Filter filter = FilterParser.parse("familyName" + operator.symbol() + "'Smith'");
      assertThat(filter).isEqualTo(new Predicate("familyName", operator, "Smith"));
    }
  }

  @Test
  void shouldParseAndOrDottedPathsAndSpaces() {
    assertThat(FilterParser.parse("roles.org.sourcedId = 'S1' AND status='active'"))
        .isEqualTo(
            new Filter.And(
                new Predicate("roles.org.sourcedId", Operator.EQ, "S1"),
                new Predicate("status", Operator.EQ, "active")));
    assertThat(FilterParser.parse("givenName~'al' OR familyName>='M'"))
        .isInstanceOf(Filter.Or.class);
  }

  @Test
  void shouldKeepQuotesAndMetacharactersInsideValues() {
    assertThat(FilterParser.parse("familyName='O''Doe'"))
        .isEqualTo(new Predicate("familyName", Operator.EQ, "O'Doe"));
    assertThat(FilterParser.parse("title='x'' OR ''1''=''1 -- ; DROP TABLE t'"))
        .isEqualTo(new Predicate("title", Operator.EQ, "x' OR '1'='1 -- ; DROP TABLE t"));
  }

  @Test
  void shouldRefuseWhatTheGrammarDoesNotAllow() {
    for (String bad :
        new String[] {
          "",
          "familyName",
          "familyName='x",
          "familyName=x",
          "familyName=='x'",
          "a='1' AND b='2' AND c='3'",
          "a='1' XOR b='2'",
          "a='1'AND b='2'",
          "1a='x'",
          "a..b='x'",
          "a='1' OR",
          "(a='1')",
          "a='1' -- comment",
          "a='nul\u0000byte'",
          "x".repeat(FilterParser.MAX_LENGTH) + "='1'"
        }) {
      assertThatThrownBy(() -> FilterParser.parse(bad))
          .as(bad)
          .isInstanceOf(FilterSyntaxException.class);
    }
  }
}
