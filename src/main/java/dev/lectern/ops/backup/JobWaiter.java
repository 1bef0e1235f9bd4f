package dev.lectern.ops.backup;

import dev.lectern.control.jobs.Job;
import dev.lectern.control.jobs.JobService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Waits for a job an API call queued, for calls that answer the job's outcome directly. */
@ApplicationScoped
public class JobWaiter {

  @Inject JobService jobs;

  /** The job once it finished, or as it is when {@code seconds} have passed. */
  public Job awaitFinished(UUID id, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    Job job = jobs.get(id);
    while (!job.state().finished() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      job = jobs.get(id);
    }
    return job;
  }
}
