package dev.lectern.control.retention;

import dev.lectern.control.audit.AuditOutcome;
import dev.lectern.control.audit.AuditService;
import dev.lectern.control.jobs.Job;
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
import jakarta.json.JsonObjectBuilder;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  /** Runs the sweep inside its job; the job's counts carry rows (and batches) per category. */
  void sweep(JobRun run, boolean dryRun) {
    List<RetentionPurge> swept =
        purges().stream().filter(purge -> purge.ownSchedule().isEmpty()).toList();
    Map<String, JsonObject> categories = new LinkedHashMap<>();
    long total = 0;
    StringBuilder summary = new StringBuilder();
    for (int i = 0; i < swept.size(); i++) {
      RetentionPurge purge = swept.get(i);
      run.checkCancelled();
      JsonObjectBuilder counted = Json.createObjectBuilder();
      long rows;
      if (dryRun) {
        rows = purge.count();
      } else {
        PurgeBatches batches =
            new PurgeBatches(
                jdbc, config.batchSize(), config.lockTimeoutMillis(), run::checkCancelled);
        rows = purge.purge(batches);
        counted.add("batches", batches.batches());
        metrics
            .counter("lectern_retention_deleted_rows", new Tag("category", purge.category()))
            .inc(rows);
      }
      categories.put(purge.category(), counted.add("rows", rows).build());
      total += rows;
      summary.append(summary.isEmpty() ? "" : ", ").append(purge.category()).append(' ');
      summary.append(rows);
      run.progress(
          purge.category(),
          100 * (i + 1) / swept.size(),
          total,
          Json.createObjectBuilder()
              .add("dryRun", dryRun)
              .add(
                  "categories",
                  Json.createObjectBuilder(new LinkedHashMap<String, Object>(categories)))
              .build()
              .toString(),
          true);
    }
    String action = dryRun ? "retention.dry-run" : "retention.sweep";
    audit.recordAs("system", action, summary.toString(), AuditOutcome.SUCCESS);
    LOG.info((dryRun ? "Retention dry run: would delete " : "Retention deleted ") + summary);
  }
}
