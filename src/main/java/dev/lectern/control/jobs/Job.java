package dev.lectern.control.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A job as stored. {@code input} and {@code counts} are JSON object texts. */
public record Job(
    UUID id,
    JobType type,
    JobState state,
    Instant createdAt,
    String createdBy,
    Instant startedAt,
    Instant finishedAt,
    Instant heartbeatAt,
    String owner,
    Long batchExecutionId,
    int attempts,
    boolean cancelRequested,
    String input,
    String phase,
    int progress,
    long rowsDone,
    String counts,
    int problemCount,
    String message) {

  /** Rows handled per second since the job started, or 0 before it has. */
  public double rowsPerSecond(Instant now) {
    if (startedAt == null) {
      return 0;
    }
    Instant end = finishedAt != null ? finishedAt : now;
    double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
    return Math.round(rowsDone / seconds * 10) / 10.0;
  }

  /** Seconds left at the pace so far, or null when unknown (not started, finished, no progress). */
  public Long etaSeconds(Instant now) {
    if (state != JobState.ACTIVE || startedAt == null || progress <= 0 || progress >= 100) {
      return null;
    }
    long elapsed = Duration.between(startedAt, now).toSeconds();
    return Math.max(0, elapsed * (100 - progress) / progress);
  }
}
