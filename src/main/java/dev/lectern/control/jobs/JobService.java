package dev.lectern.control.jobs;

import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.http.PathIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Queue operations for the API and for capabilities that submit work. */
@ApplicationScoped
public class JobService {

  @Inject JobRepository repository;
  @Inject JobDispatcher dispatcher;

  /** Queues a job; a replica starts it within a poll interval when its type has room. */
  public Job submit(JobType type, String inputJson, String actor) {
    UUID id = UUID.randomUUID();
    repository.insert(id, type, actor, inputJson);
    dispatcher.wake();
    return get(id);
  }

  public Job get(UUID id) {
    return repository
        .find(id)
        .orElseThrow(
            () ->
                new ApiException(
                    404, "not_found", "No job " + PathIds.shown(String.valueOf(id)) + "."));
  }

  public List<Job> list(JobFilter filter, int limit, int offset) {
    return repository.list(filter, limit, offset);
  }

  public long count(JobFilter filter) {
    return repository.count(filter);
  }

  /** Jobs running now, on any replica: their work (staging tables, files) must not be touched. */
  public Set<UUID> activeIds() {
    return repository.activeIds();
  }

  public List<JobProblem> problems(UUID id, int limit) {
    return repository.problems(id, limit);
  }

  /**
   * Cancels a waiting job at once; an active one is stopped by the replica running it (here at
   * once, elsewhere within a poll interval), and its work is undone.
   */
  public Job cancel(UUID id) {
    Job job = get(id);
    if (job.state().finished()) {
      throw new ApiException(
          409, "job_finished", "Job " + id + " already ended " + job.state().label() + ".");
    }
    repository.requestCancel(id);
    Job now = get(id);
    if (now.state() == JobState.ACTIVE) {
      dispatcher.stop(now);
    }
    return now;
  }

  /** Queues a failed or cancelled job again. */
  public Job retry(UUID id) {
    Job job = get(id);
    if (job.state() != JobState.FAILED && job.state() != JobState.CANCELLED) {
      throw new ApiException(
          409,
          "job_not_retryable",
          "Only failed or cancelled jobs can be retried; job "
              + id
              + " is "
              + job.state().label()
              + ".");
    }
    repository.retry(JobFilter.of(id));
    dispatcher.wake();
    return get(id);
  }

  /**
   * Queues a job unless a job of a {@code conflicting} type is waiting or running; the check and
   * the insert hold the cluster's submission lock, so two requests never both pass the check.
   */
  public Job submitUnlessBusy(
      JobType type, String inputJson, String actor, Set<JobType> conflicting) {
    UUID id = UUID.randomUUID();
    Optional<JobType> busy = repository.insertUnlessBusy(id, type, actor, inputJson, conflicting);
    if (busy.isPresent()) {
      throw new ApiException(
          409,
          "job_in_progress",
          "A "
              + busy.get().label()
              + " job is queued or running; "
              + type.label()
              + " once it has finished.");
    }
    dispatcher.wake();
    return get(id);
  }

  /** Queues again every failed or cancelled job the filter matches; answers how many. */
  public int retryAll(JobFilter filter) {
    if (filter.state() != JobState.FAILED && filter.state() != JobState.CANCELLED) {
      throw ApiException.invalidParameter("state", "only failed or cancelled jobs can be retried");
    }
    return repository.retry(filter);
  }

  /** Deletes finished jobs the filter matches (the state is required); answers how many. */
  public int delete(JobFilter filter) {
    if (filter.state() == null) {
      throw ApiException.invalidParameter("state", "is required: failed, cancelled or completed");
    }
    if (!filter.state().finished()) {
      throw ApiException.invalidParameter(
          "state", "only failed, cancelled or completed jobs can be cleared");
    }
    return repository.delete(filter);
  }
}
