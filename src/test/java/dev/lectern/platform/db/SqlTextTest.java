package dev.lectern.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqlTextTest {

  @Test
  void stringsAndNumbersBecomePlaceholders() {
    assertEquals(
        "SELECT * FROM users WHERE email = ? AND age > ? AND score < ?",
        SqlText.masked(
            "SELECT * FROM users WHERE email = 'ann@example.org' AND age > 17 AND score < 1.5e-3"));
  }

  @Test
  void escapedQuotesDoNotEndTheLiteral() {
    assertEquals("UPDATE t SET name = ?", SqlText.masked("UPDATE t SET name = 'O''Brien'"));
    assertEquals("SELECT E?", SqlText.masked("SELECT E'it\\'s secret'"));
  }

  @Test
  void dollarQuotedBodiesAreHidden() {
    assertEquals("DO ?", SqlText.masked("DO $body$ BEGIN PERFORM 'x'; END $body$"));
    assertEquals("SELECT ?", SqlText.masked("SELECT $$ password $$"));
  }

  @Test
  void placeholdersIdentifiersAndQuotedNamesStay() {
    assertEquals(
        "SELECT t1.col_2, \"Weird 9\" FROM t1 WHERE id = $1 AND a$b = $12",
        SqlText.masked("SELECT t1.col_2, \"Weird 9\" FROM t1 WHERE id = $1 AND a$b = $12"));
  }

  @Test
  void commentsAreDropped() {
    assertEquals(
        "SELECT ?   FROM t \nWHERE x = ?",
        SqlText.masked("SELECT 1 /* ann's row */ FROM t -- secret 42\nWHERE x = 'y'"));
  }

  @Test
  void anUnclosedLiteralHidesTheRest() {
    assertEquals("SELECT ?", SqlText.masked("SELECT 'never closed"));
    assertEquals("SELECT ?", SqlText.masked("SELECT \"never closed, 'pw'"));
    assertEquals("SELECT E?", SqlText.masked("SELECT E'ends in a backslash\\"));
    assertEquals("SELECT $", SqlText.masked("SELECT $"));
  }

  @Test
  void nestedCommentsAreDroppedWhole() {
    assertEquals("  SELECT ?", SqlText.masked("/* a /* b */ pw hunter2 */ SELECT 1"));
    assertEquals(" ", SqlText.masked("/* never /* closed */ secret"));
  }

  @Test
  void longTextIsCutToTheBound() {
    String masked = SqlText.masked("SELECT " + "abc, ".repeat(1000) + "1");
    assertEquals(SqlText.MAX_LENGTH, masked.length());
    assertTrue(masked.endsWith("…"));
    assertEquals("SELECT ?", SqlText.masked("SELECT 1"));
    assertNull(SqlText.masked(null));
  }
}
