package dev.lectern.control.jobs;

import jakarta.batch.runtime.context.JobContext;
import java.util.UUID;

/**
 * The Lectern job a batch execution runs: every job XML declares the job-level property {@code
 * jobId} as {@code #{jobParameters['jobId']}}, which the dispatcher passes at start.
 */
public final class BatchParameters {

  private BatchParameters() {}

  public static UUID jobId(JobContext context) {
    return UUID.fromString(context.getProperties().getProperty("jobId"));
  }
}
