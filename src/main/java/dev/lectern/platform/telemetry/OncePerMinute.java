package dev.lectern.platform.telemetry;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Lets one warning through a minute (the first at once) and tells of every one, kept or not.
 * Records below WARNING pass untouched: they reach the log only when someone raised the level.
 * Liberty asks a logger's filter again on its way to the log, so the same record gets the same
 * answer and counts once.
 */
final class OncePerMinute implements Filter {

  private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

  private final Runnable seen;
  private final LongSupplier clock;
  private long nextAllowed;
  private LogRecord lastRecord;
  private boolean lastAnswer;

  OncePerMinute(Runnable seen) {
    this(seen, System::nanoTime);
  }

  OncePerMinute(Runnable seen, LongSupplier clock) {
    this.seen = seen;
    this.clock = clock;
    this.nextAllowed = clock.getAsLong();
  }

  @Override
  public synchronized boolean isLoggable(LogRecord record) {
    if (record.getLevel().intValue() < Level.WARNING.intValue()) {
      return true;
    }
    if (record != lastRecord) {
      seen.run();
      long now = clock.getAsLong();
      lastAnswer = now - nextAllowed >= 0;
      if (lastAnswer) {
        nextAllowed = now + MINUTE;
      }
      lastRecord = record;
    }
    return lastAnswer;
  }
}
