package dev.lectern.control.jobs;

import jakarta.batch.runtime.BatchStatus;
import java.util.Optional;

/** Where a job is in its life. Batch's STOPPED is a cancel; ABANDONED is a failure. */
public enum JobState {
  WAITING,
  ACTIVE,
  COMPLETED,
  FAILED,
  CANCELLED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public boolean finished() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  public static Optional<JobState> fromLabel(String label) {
    for (JobState state : values()) {
      if (state.label().equals(label)) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }

  /** The state a finished batch execution leaves its job in. */
  static JobState ofBatch(BatchStatus status) {
    return switch (status) {
      case COMPLETED -> COMPLETED;
      case STOPPED, STOPPING -> CANCELLED;
      case STARTING, STARTED -> ACTIVE;
      case FAILED, ABANDONED -> FAILED;
    };
  }
}
