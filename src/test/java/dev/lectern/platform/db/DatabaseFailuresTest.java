package dev.lectern.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

  @Test
  void shouldRecogniseConnectionFailuresAnywhereInTheCauseChain() {
    SQLException refused = new SQLException("Connection refused", "08001");
    assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new RuntimeException(refused))))
        .isTrue();
    assertThat(DatabaseFailures.isUnavailable(new IllegalStateException(new ConnectException())))
        .isTrue();
    assertThat(DatabaseFailures.isUnavailable(new SQLException("shutting down", "57P01"))).isTrue();
  }

  @Test
  void shouldNotMistakeBugsOrConstraintViolationsForOutages() {
    assertThat(DatabaseFailures.isUnavailable(new SQLException("duplicate key", "23505")))
        .isFalse();
    assertThat(DatabaseFailures.isUnavailable(new SQLException("syntax", "42601"))).isFalse();
    assertThat(DatabaseFailures.isUnavailable(new NullPointerException())).isFalse();
  }

  @Test
  void shouldSummariseWithTheInnermostCause() {
    Exception failure = new RuntimeException("wrapper", new ConnectException("Connection refused"));
    assertThat(DatabaseFailures.summary(failure)).isEqualTo("ConnectException: Connection refused");
  }
}
