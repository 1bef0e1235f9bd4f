package dev.lectern.control.retention;

import dev.lectern.control.audit.AuditOutcome;
import dev.lectern.control.audit.AuditService;
import dev.lectern.control.jobs.Job;
import dev.lectern.control.jobs.JobCancelledException;
import dev.lectern.control.jobs.JobFilter;
import dev.lectern.control.jobs.JobRun;
import dev.lectern.control.jobs.JobService;
import dev.lectern.control.jobs.JobType;
import dev.lectern.platform.db.Direct;
import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.retention.PurgeBatches;
import dev.lectern.platform.retention.RetentionPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The retention sweep: every {@link RetentionPurge} the application holds, run one after another as
 * one job (so it runs on one replica at a time, can be followed and cancelled like any job, and its
 * counts per category are kept), each deleting in {@link PurgeBatches}.
 */
@ApplicationScoped
public class RetentionService {

  private static final Logger LOG = Logger.getLogger(RetentionService.class.getName());

  @Inject @Any Instance<RetentionPurge> purges;
  @Inject @Direct Jdbc jdbc;
  @Inject RetentionConfig config;
  @Inject JobService jobs;
  @Inject AuditService audit;
  @Inject MetricRegistry metrics;

  /** Every category, in the order a sweep runs them. */
  public List<RetentionPurge> purges() {
    return purges.stream().sorted(Comparator.comparing(RetentionPurge::category)).toList();
  }

  /** The schedule of the sweep, as configured ({@code off} for none). */
  public String schedule() {
    return config.schedule();
  }

  /** The newest sweep, dry runs included. */
  public Optional<Job> lastRun() {
    return jobs.list(JobFilter.of(null, JobType.RETENTION, null), 1, 0).stream().findFirst();
  }

  /** Queues a sweep ({@code dryRun}: count only) unless one is queued or running. */
  public Job start(boolean dryRun, String actor) {
    return jobs.submitUnlessBusy(
        JobType.RETENTION,
        Json.createObjectBuilder().add("dryRun", dryRun).build().toString(),
        actor,
        Set.of(JobType.RETENTION));
  }

  /**
   * Runs the sweep inside its job; the job's counts carry rows (and batches) per category. A
   * category that fails (a batch waited past its lock timeout, say) is recorded with its error and
   * the others still run; the job then fails naming it, and the next sweep continues where it
   * stopped.
   */
  void sweep(JobRun run, boolean dryRun) {
    List<RetentionPurge> swept =
        purges().stream().filter(purge -> purge.ownSchedule().isEmpty()).toList();
    Map<String, Object> categories = new LinkedHashMap<>();
    List<String> failed = new ArrayList<>();
    long total = 0;
    StringBuilder summary = new StringBuilder();
    for (int i = 0; i < swept.size(); i++) {
      RetentionPurge purge = swept.get(i);
      run.checkCancelled();
      JsonObject counted = dryRun ? count(purge) : purge(purge, run);
      if (counted.containsKey("error")) {
        failed.add(purge.category());
      }
      long rows = counted.getJsonNumber("rows").longValue();
      categories.put(purge.category(), counted);
      total += rows;
      summary.append(summary.isEmpty() ? "" : ", ").append(purge.category()).append(' ');
      summary.append(rows);
      run.progress(
          purge.category(),
          100 * (i + 1) / swept.size(),
          total,
          Json.createObjectBuilder()
              .add("dryRun", dryRun)
              .add("categories", Json.createObjectBuilder(categories))
              .build()
              .toString(),
          true);
    }
    String action = dryRun ? "retention.dry-run" : "retention.sweep";
    if (!failed.isEmpty()) {
      audit.recordAs("system", action, summary + "; failed: " + failed, AuditOutcome.FAILURE);
      throw new IllegalStateException("retention failed for " + String.join(", ", failed));
    }
    audit.recordAs("system", action, summary.toString(), AuditOutcome.SUCCESS);
    LOG.info((dryRun ? "Retention dry run: would delete " : "Retention deleted ") + summary);
  }

  private JsonObject count(RetentionPurge purge) {
    try {
      return Json.createObjectBuilder().add("rows", purge.count()).build();
    } catch (JobCancelledException e) {
      throw e;
    } catch (RuntimeException e) {
      return failure(purge, e, 0, 0);
    }
  }

  private JsonObject purge(RetentionPurge purge, JobRun run) {
    PurgeBatches batches =
        new PurgeBatches(jdbc, config.batchSize(), config.lockTimeoutMillis(), run::checkCancelled);
    try {
      long rows = purge.purge(batches);
      return Json.createObjectBuilder().add("rows", rows).add("batches", batches.batches()).build();
    } catch (JobCancelledException e) {
      throw e;
    } catch (RuntimeException e) {
      return failure(purge, e, batches.rows(), batches.batches());
    } finally {
      metrics
          .counter("lectern_retention_deleted_rows", new Tag("category", purge.category()))
          .inc(batches.rows());
    }
  }

  private static JsonObject failure(RetentionPurge purge, RuntimeException e, long rows, long n) {
    LOG.log(Level.WARNING, "Retention of " + purge.category() + " failed", e);
    return Json.createObjectBuilder()
        .add("rows", rows)
        .add("batches", n)
        .add("error", String.valueOf(e.getMessage()))
        .build();
  }
}
