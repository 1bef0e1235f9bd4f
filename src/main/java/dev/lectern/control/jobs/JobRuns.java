package dev.lectern.control.jobs;

import dev.lectern.platform.telemetry.Tracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The jobs this replica is running, so batch steps, heartbeats and cancels can find them. */
@ApplicationScoped
public class JobRuns {

  @Inject JobRepository repository;
  @Inject JobConfig config;
  @Inject Tracing tracing;

  private final Map<UUID, JobRun> running = new ConcurrentHashMap<>();

  JobRun register(UUID id, JobType type) {
    JobRun run =
        new JobRun(
            id,
            type,
            repository,
            config.problemCap(),
            tracing.startJob(type.label(), id.toString()));
    running.put(id, run);
    return run;
  }

  /** The run of a job started on this replica. */
  public JobRun of(UUID id) {
    JobRun run = running.get(id);
    if (run == null) {
      throw new IllegalStateException("Job " + id + " is not running on this replica");
    }
    return run;
  }

  Optional<JobRun> find(UUID id) {
    return Optional.ofNullable(running.get(id));
  }

  /** Cancels a run of this replica (a stop that did not come through the jobs API). */
  public void cancel(UUID id) {
    find(id).ifPresent(JobRun::cancel);
  }

  void remove(UUID id) {
    running.remove(id);
  }

  Set<UUID> ids() {
    return Set.copyOf(running.keySet());
  }
}
