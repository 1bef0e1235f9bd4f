package dev.lectern.platform.db;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * How far a standby is behind, by WAL position rather than by replay timestamp: the primary's
 * position is sampled now and then, and the lag is the age of the oldest sample the standby has not
 * replayed yet. An idle primary writes no WAL, so its standby shows no lag, where "now minus last
 * replayed commit" would grow without bound.
 */
final class ReplayLag {

  /** Enough samples for ten minutes at one a second; older ones only ever say "behind". */
  private static final int MAX_SAMPLES = 600;

  private final ArrayDeque<long[]> samples = new ArrayDeque<>();

  /** The primary was at {@code lsn} at {@code nanos}. */
  synchronized void primaryAt(long nanos, long lsn) {
    if (samples.isEmpty() || samples.peekLast()[1] < lsn) {
      samples.addLast(new long[] {nanos, lsn});
      if (samples.size() > MAX_SAMPLES) {
        samples.removeFirst();
      }
    }
  }

  /** The standby has replayed up to {@code replayLsn}; how old is what it still lacks? */
  synchronized Duration behind(long nanos, long replayLsn) {
    while (!samples.isEmpty() && samples.peekFirst()[1] <= replayLsn) {
      samples.removeFirst();
    }
    return samples.isEmpty()
        ? Duration.ZERO
        : Duration.ofNanos(Math.max(0, nanos - samples.peekFirst()[0]));
  }
}
