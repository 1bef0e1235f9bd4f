package dev.lectern.control.jobs;

import java.util.Optional;

/** Kinds of long work; each runs as the Jakarta Batch job named by {@link #batchJob()}. */
public enum JobType {
  IMPORT("import"),
  BACKUP("backup"),
  VERIFY("verify"),
  RESTORE("restore"),
  PARTIAL_RESTORE("partial-restore"),
  DRILL("drill"),
  RETENTION("retention");

  private final String label;

  JobType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The job XML under {@code META-INF/batch-jobs}. */
  public String batchJob() {
    return "lectern-" + label;
  }

  public static Optional<JobType> fromLabel(String label) {
    for (JobType type : values()) {
      if (type.label.equals(label)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
