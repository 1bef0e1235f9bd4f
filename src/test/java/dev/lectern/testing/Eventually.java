package dev.lectern.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes, and says how long it took. */
public final class Eventually {

  private Eventually() {}

  /**
   * Waits until {@code condition} holds; returns the elapsed time, or fails with the last observed
   * state described by {@code describe}.
   */
  public static Duration within(
      Duration limit, BooleanSupplier condition, Supplier<String> describe) {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    while (true) {
      boolean held;
      try {
        held = condition.getAsBoolean();
      } catch (RuntimeException e) {
        held = false;
      }
      if (held) {
        return Duration.ofNanos(System.nanoTime() - start);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "condition did not hold within " + limit.toMillis() + " ms; last: " + describe.get());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted");
      }
    }
  }
}
