package dev.lectern.control.jobs;

import dev.lectern.platform.migration.SchemaReady;
import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the queue on every replica: each tick heartbeats the jobs running here, fails jobs whose
 * replica died, stops jobs an admin cancelled, and claims waiting jobs up to each type's
 * cluster-wide concurrency, starting them as Jakarta Batch jobs.
 */
@ApplicationScoped
public class JobDispatcher {

  private static final Logger LOG = Logger.getLogger(JobDispatcher.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject JobRepository repository;
  @Inject JobRuns runs;
  @Inject JobConfig config;
  @Inject JobMetrics metrics;
  @Inject Event<JobFinished> finished;
  @Inject DispatcherRunAs runAs;

  private volatile boolean failing;

  void start(@Observes SchemaReady ready) {
    scheduler.scheduleWithFixedDelay(
        this::tick, config.pollMillis(), config.pollMillis(), TimeUnit.MILLISECONDS);
  }

  /** Looks at the queue now rather than at the next tick (after a job was queued). */
  void wake() {
    scheduler.execute(this::tick);
  }

  synchronized void tick() {
    try {
      repository.heartbeat(runs.ids());
      for (UUID id : repository.failStale(config.heartbeatTimeoutSeconds())) {
        LOG.warning("Job " + id + " was interrupted: its server stopped heartbeating");
        repository
            .find(id)
            .ifPresent(job -> finished.fire(new JobFinished(id, job.type(), JobState.FAILED)));
      }
      for (Job job : repository.cancelRequested(config.owner())) {
        stop(job);
      }
      for (JobType type : JobType.values()) {
        if (runnable(type)) {
          for (UUID id : repository.claim(type, config.concurrency(type), config.owner())) {
            launch(id, type);
          }
        }
      }
      metrics.refresh(repository.countsByTypeAndState());
      if (failing) {
        LOG.info("The job queue is reachable again");
        failing = false;
      }
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.log(Level.WARNING, "The job queue cannot be reached; retrying every tick", e);
        failing = true;
      }
    }
  }

  /** Stops a job running here at once (also called by the API when this replica runs it). */
  void stop(Job job) {
    runs.find(job.id())
        .ifPresent(
            run -> {
              if (!run.cancelled()) {
                LOG.info("Cancelling job " + job.id());
                run.cancel();
                if (job.batchExecutionId() != null) {
                  try {
                    runAs.call(
                        () -> {
                          BatchRuntime.getJobOperator().stop(job.batchExecutionId());
                          return null;
                        });
                  } catch (Exception e) {
                    LOG.log(Level.FINE, "Batch stop of job " + job.id() + " refused", e);
                  }
                }
              }
            });
  }

  private void launch(UUID id, JobType type) {
    JobRun run = runs.register(id, type);
    try {
      Properties parameters = new Properties();
      parameters.setProperty("jobId", id.toString());
      long execution = start(type, parameters);
      repository.started(id, execution);
      LOG.info("Job " + id + " (" + type.label() + ") started as batch execution " + execution);
    } catch (RuntimeException e) {
      runs.remove(id);
      LOG.log(Level.WARNING, "Job " + id + " could not start", e);
      run.endSpan(JobState.FAILED);
      repository.finish(id, JobState.FAILED, "could not start: " + e.getMessage());
      finished.fire(new JobFinished(id, type, JobState.FAILED));
    }
  }

  private long start(JobType type, Properties parameters) {
    try {
      return runAs.call(() -> BatchRuntime.getJobOperator().start(type.batchJob(), parameters));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A type runs once its batch job is defined; until then its jobs stay waiting. */
  private static boolean runnable(JobType type) {
    return JobDispatcher.class
            .getClassLoader()
            .getResource("META-INF/batch-jobs/" + type.batchJob() + ".xml")
        != null;
  }
}
