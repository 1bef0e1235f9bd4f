package dev.lectern.platform.telemetry;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Lets one warning through a minute (the first at once) and tells of every one, kept or not.
 * Records below WARNING pass untouched: they reach the log only when someone raised the level.
 * Liberty asks a logger's filter a second time, on the same thread, on the record's way to the log,
 * so a record gets the same answer twice and counts once.
 */
final class OncePerMinute implements Filter {

  private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

  private final Runnable seen;
  private final LongSupplier clock;
  private long nextAllowed;

  /** The last record this thread asked about, and the answer it got. */
  private final ThreadLocal<LogRecord> lastRecord = new ThreadLocal<>();

  private final ThreadLocal<Boolean> lastAnswer = new ThreadLocal<>();

  OncePerMinute(Runnable seen) {
    this(seen, System::nanoTime);
  }

  OncePerMinute(Runnable seen, LongSupplier clock) {
    this.seen = seen;
    this.clock = clock;
    this.nextAllowed = clock.getAsLong();
  }

  @Override
  public boolean isLoggable(LogRecord record) {
    if (record.getLevel().intValue() < Level.WARNING.intValue()) {
      return true;
    }
    if (record != lastRecord.get()) {
      seen.run();
      lastAnswer.set(allowNow());
      lastRecord.set(record);
    }
    return lastAnswer.get();
  }

  private synchronized boolean allowNow() {
    long now = clock.getAsLong();
    if (now - nextAllowed < 0) {
      return false;
    }
    nextAllowed = now + MINUTE;
    return true;
  }
}
