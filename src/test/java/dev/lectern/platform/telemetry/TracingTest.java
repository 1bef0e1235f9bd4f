package dev.lectern.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A statement's span is named by its first word, whatever precedes it. */
class TracingTest {

  @Test
  void operationIsTheFirstWord() {
    assertThat(Tracing.operation("SELECT id FROM users WHERE sourced_id = ?")).isEqualTo("SELECT");
    assertThat(Tracing.operation("\n  with recent AS (SELECT 1) SELECT * FROM recent"))
        .isEqualTo("WITH");
    assertThat(Tracing.operation("insert into audit_log VALUES (?)")).isEqualTo("INSERT");
    assertThat(Tracing.operation("(SELECT 1)")).isEqualTo("SQL");
  }
}
