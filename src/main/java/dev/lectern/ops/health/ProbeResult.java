package dev.lectern.ops.health;

/** Outcome of one time-boxed dependency check. {@code error} is null when it answered. */
public record ProbeResult(boolean up, long latencyMs, String error) {

  public static ProbeResult up(long latencyMs) {
    return new ProbeResult(true, latencyMs, null);
  }

  public static ProbeResult down(long latencyMs, String error) {
    return new ProbeResult(false, latencyMs, error);
  }
}
