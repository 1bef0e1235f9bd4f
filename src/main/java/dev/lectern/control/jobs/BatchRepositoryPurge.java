package dev.lectern.control.jobs;

import dev.lectern.platform.db.Direct;
import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.retention.PurgeBatches;
import dev.lectern.platform.retention.RetentionPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Liberty's record of finished batch jobs (schema {@code liberty}, prefix {@code WLPBATCH}, as
 * server.xml configures the job store) older than {@code JOB_RETENTION_DAYS}. Liberty purges only
 * through its REST API, so each batch deletes whole job instances here, children first, in one
 * statement: instances, their executions, step threads, partitions, parameters and group
 * associations go together or not at all.
 */
@ApplicationScoped
public class BatchRepositoryPurge implements RetentionPurge {

  /**
   * Ended: STOPPED, FAILED, COMPLETED, ABANDONED (ordinals of BatchStatus as Liberty stores them).
   */
  private static final String OLD_INSTANCES =
      "SELECT jobinstanceid AS id FROM liberty.wlpbatchjobinstance"
          + " WHERE batchstatus IN (3, 4, 5, 6)"
          + " AND updatetime < localtimestamp - make_interval(days => ?)";

  private static final String PURGE =
      "WITH doomed AS ("
          + OLD_INSTANCES
          + " ORDER BY jobinstanceid LIMIT ? FOR UPDATE SKIP LOCKED),"
          + " execs AS (SELECT jobexecid AS id FROM liberty.wlpbatchjobexecution"
          + "   WHERE fk_jobinstanceid IN (SELECT id FROM doomed)),"
          + " steps AS (DELETE FROM liberty.wlpbatchstepthreadinstance"
          + "   WHERE fk_jobinstanceid IN (SELECT id FROM doomed)),"
          + " partitions AS (DELETE FROM liberty.wlpbatchremotablepartition"
          + "   WHERE fk_jobexecutionid IN (SELECT id FROM execs)),"
          + " stepexecs AS (DELETE FROM liberty.wlpbatchstepthreadexecution"
          + "   WHERE fk_jobexecid IN (SELECT id FROM execs)),"
          + " params AS (DELETE FROM liberty.wlpbatchjobparameter"
          + "   WHERE fk_jobexecid IN (SELECT id FROM execs)),"
          + " executions AS (DELETE FROM liberty.wlpbatchjobexecution"
          + "   WHERE fk_jobinstanceid IN (SELECT id FROM doomed)),"
          + " groups AS (DELETE FROM liberty.wlpbatchgroupassociation"
          + "   WHERE fk_jobinstanceid IN (SELECT id FROM doomed)),"
          + " gone AS (DELETE FROM liberty.wlpbatchjobinstance"
          + "   WHERE jobinstanceid IN (SELECT id FROM doomed) RETURNING 1)"
          + " SELECT count(*) FROM gone";

  @Inject JobConfig config;
  @Inject @Direct Jdbc jdbc;

  @Override
  public String category() {
    return "batch-jobs";
  }

  @Override
  public String keeps() {
    return "Liberty's record of ended batch jobs (instances, executions, steps) for "
        + config.retentionDays()
        + " days (JOB_RETENTION_DAYS); running ones always";
  }

  @Override
  public long count() {
    if (!repositoryExists()) {
      return 0;
    }
    return jdbc.queryLong(
        "SELECT count(*) FROM (" + OLD_INSTANCES + ") old", config.retentionDays());
  }

  @Override
  public long purge(PurgeBatches batches) {
    if (!repositoryExists()) {
      return 0;
    }
    return batches.repeat(PURGE, session -> null, config.retentionDays());
  }

  /** Liberty makes its tables on the first job: before that there is nothing to keep or purge. */
  private boolean repositoryExists() {
    return jdbc.queryLong(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'liberty' AND c.relname = 'wlpbatchjobinstance'")
        > 0;
  }
}
