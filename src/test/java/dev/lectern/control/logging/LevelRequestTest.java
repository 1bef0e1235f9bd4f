package dev.lectern.control.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.platform.error.ApiException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LevelRequestTest {

  @Test
  void lecternsLoggersAndTheReviewedFrameworkOnesMayChange() {
    assertThat(LoggableLoggers.allowed("dev.lectern")).isTrue();
    assertThat(LoggableLoggers.allowed("dev.lectern.control.feed.ChangeListener")).isTrue();
    assertThat(LoggableLoggers.allowed("org.hibernate.SQL")).isTrue();
    assertThat(LoggableLoggers.allowed("org.hibernate.orm.jdbc.bind")).isFalse();
    assertThat(LoggableLoggers.allowed("com.ibm.ws.security")).isFalse();
    assertThat(LoggableLoggers.allowed("dev.lecternx")).isFalse();
    assertThat(LoggableLoggers.allowed("dev.lectern..x")).isFalse();
    assertThat(LoggableLoggers.allowed("")).isFalse();
    assertThat(LoggableLoggers.allowed(null)).isFalse();
  }

  @Test
  void aChangeNamesAKnownLevelAndABoundedTime() {
    LevelRequest request = LevelRequest.check("dev.lectern.x", "fine", "PT15M");
    assertThat(request.level()).isEqualTo("FINE");
    assertThat(request.revertAt())
        .isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plusSeconds(901));

    assertThat(code(() -> LevelRequest.check("org.hibernate.orm.jdbc.bind", "FINE", "PT1M")))
        .isEqualTo("logger_not_allowed");
    assertThat(code(() -> LevelRequest.check("dev.lectern", "DEBUG", "PT1M")))
        .isEqualTo("validation_failed");
    assertThat(code(() -> LevelRequest.check("dev.lectern", "OFF", "PT1M")))
        .isEqualTo("validation_failed");
    assertThat(code(() -> LevelRequest.check("dev.lectern", "FINE", "15 minutes")))
        .isEqualTo("validation_failed");
    assertThat(code(() -> LevelRequest.check("dev.lectern", "FINE", "PT24H1S")))
        .isEqualTo("validation_failed");
    assertThat(code(() -> LevelRequest.check("dev.lectern", "FINE", "PT0S")))
        .isEqualTo("validation_failed");
    assertThat(LevelRequest.check("dev.lectern.ops", "WARNING", "PT24H").level())
        .isEqualTo("WARNING");
    // nobody quiets the audit trail's log lines
    assertThat(code(() -> LevelRequest.check("dev.lectern", "WARNING", "PT1M")))
        .isEqualTo("validation_failed");
    assertThat(code(() -> LevelRequest.check("dev.lectern.audit", "SEVERE", "PT1M")))
        .isEqualTo("validation_failed");
    assertThat(LevelRequest.check("dev.lectern.audit", "FINE", "PT1M").level()).isEqualTo("FINE");
  }

  private static String code(Runnable check) {
    assertThatThrownBy(check::run).isInstanceOf(ApiException.class);
    try {
      check.run();
      return null;
    } catch (ApiException e) {
      return e.code();
    }
  }
}
