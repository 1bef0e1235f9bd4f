package dev.lectern.control.jobs;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Ends the Lectern job when its batch execution ends: cancelled when an admin cancelled it, failed
 * when a step recorded a failure or threw, completed otherwise.
 */
@Named("jobLifecycleListener")
@Dependent
public class JobLifecycleListener extends AbstractJobListener {

  private static final Logger LOG = Logger.getLogger(JobLifecycleListener.class.getName());

  @Inject JobContext context;
  @Inject JobRuns runs;
  @Inject JobRepository repository;
  @Inject Event<JobFinished> finished;

  @Override
  public void afterJob() throws Exception {
    UUID id = BatchParameters.jobId(context);
    JobRun run = runs.of(id);
    try {
      JobState state;
      String message;
      if (run.cancelled()) {
        state = JobState.CANCELLED;
        message = "cancelled by an admin; nothing was applied";
      } else if (run.failure() != null) {
        state = JobState.FAILED;
        message = run.failure();
      } else if (JobState.ofBatch(context.getBatchStatus()) == JobState.FAILED) {
        state = JobState.FAILED;
        message = "failed: " + context.getExitStatus();
      } else {
        state = JobState.COMPLETED;
        message = null;
      }
      run.endSpan(state);
      if (repository.finish(id, state, message)) {
        LOG.info("Job " + id + " " + state.label() + (message == null ? "" : ": " + message));
      }
      finished.fire(new JobFinished(id, run.type(), state));
    } finally {
      runs.remove(id);
    }
  }
}
