package dev.lectern.control.jobs;

import dev.lectern.platform.db.Direct;
import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.retention.PurgeBatches;
import dev.lectern.platform.retention.RetentionPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Finished jobs older than {@code JOB_RETENTION_DAYS}, their problems first. */
@ApplicationScoped
public class JobPurge implements RetentionPurge {

  private static final String OLD =
      "state IN ('completed', 'failed', 'cancelled')"
          + " AND finished_at < now() - make_interval(days => ?)";

  @Inject JobConfig config;
  @Inject @Direct Jdbc jdbc;

  @Override
  public String category() {
    return "jobs";
  }

  @Override
  public String keeps() {
    return "finished jobs and their problems for "
        + config.retentionDays()
        + " days (JOB_RETENTION_DAYS); queued and running jobs always";
  }

  @Override
  public long count() {
    return jdbc.queryLong("SELECT count(*) FROM job WHERE " + OLD, config.retentionDays());
  }

  @Override
  public long purge(PurgeBatches batches) {
    batches.delete(
        "job_problem", "job_id IN (SELECT id FROM job WHERE " + OLD + ")", config.retentionDays());
    return batches.delete("job", OLD, config.retentionDays());
  }
}
