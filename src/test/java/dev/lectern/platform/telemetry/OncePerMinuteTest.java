package dev.lectern.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** Export failures: the first logged at once, then one a minute, every one counted. */
class OncePerMinuteTest {

  private final AtomicLong now = new AtomicLong(-5_000_000_000L); // nanoTime may be negative
  private final AtomicInteger seen = new AtomicInteger();
  private final OncePerMinute filter = new OncePerMinute(seen::incrementAndGet, now::get);

  private boolean failure() {
    return filter.isLoggable(new LogRecord(Level.SEVERE, "Failed to export spans"));
  }

  private void advance(long seconds) {
    now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
  }

  @Test
  void oneLineAMinuteHoweverManyFailures() {
    assertThat(failure()).isTrue();
    int logged = 0;
    for (int second = 1; second <= 180; second++) {
      advance(1);
      logged += failure() ? 1 : 0;
    }
    assertThat(logged).isEqualTo(3); // at 60 s, 120 s and 180 s
    assertThat(seen).hasValue(181);
  }

  @Test
  void quietWhileNothingFails() {
    assertThat(failure()).isTrue();
    advance(59);
    assertThat(failure()).isFalse();
    advance(1);
    assertThat(failure()).isTrue();
  }

  @Test
  void theSameRecordAskedTwiceGetsTheSameAnswerAndCountsOnce() {
    LogRecord first = new LogRecord(Level.SEVERE, "Failed to export spans");
    assertThat(filter.isLoggable(first)).isTrue();
    assertThat(filter.isLoggable(first)).isTrue();
    LogRecord second = new LogRecord(Level.SEVERE, "Failed to export spans");
    assertThat(filter.isLoggable(second)).isFalse();
    assertThat(filter.isLoggable(second)).isFalse();
    assertThat(seen).hasValue(2);
  }

  @Test
  void recordsBelowWarningAreNotItsBusiness() {
    assertThat(failure()).isTrue();
    LogRecord fine = new LogRecord(Level.FINE, "exporting 12 spans");
    assertThat(filter.isLoggable(fine)).isTrue();
    assertThat(seen).hasValue(1);
  }
}
