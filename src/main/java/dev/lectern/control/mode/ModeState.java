package dev.lectern.control.mode;

import java.time.Instant;

/**
 * The mode as set, with its reason, end and author. A mode whose {@code until} has passed is normal
 * again, without anyone having to switch it back.
 */
public record ModeState(
    OperatingMode mode, String reason, Instant until, Instant changedAt, String changedBy) {

  static final ModeState NORMAL = new ModeState(OperatingMode.NORMAL, null, null, null, null);

  /** The mode in force at {@code now}. */
  public OperatingMode effective(Instant now) {
    return until != null && !until.isAfter(now) ? OperatingMode.NORMAL : mode;
  }
}
