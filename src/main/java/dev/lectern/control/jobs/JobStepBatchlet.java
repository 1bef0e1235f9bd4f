package dev.lectern.control.jobs;

import io.opentelemetry.context.Scope;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;

/**
 * The common shape of a step of a Lectern job: find this replica's run of the job, skip when an
 * earlier step failed or the job was cancelled, turn a cancel into {@code CANCELLED} and a failure
 * into a failed step whose message the job keeps. Subclasses do the step's work.
 */
public abstract class JobStepBatchlet extends AbstractBatchlet {

  @Inject JobContext context;
  @Inject JobRuns runs;

  private volatile JobRun run;

  /** Does the work of the step named {@code step} (a batch property of the subclass). */
  protected abstract void runStep(JobRun run) throws Exception;

  /** The step's name, for failure messages. */
  protected abstract String step();

  /** The batch job context, for data the steps of one execution hand each other. */
  protected JobContext context() {
    return context;
  }

  @Override
  public String process() throws Exception {
    run = runs.of(BatchParameters.jobId(context));
    if (run.failure() != null || run.cancelled()) {
      return "SKIPPED";
    }
    try (Scope scope = run.span().makeCurrent()) {
      run.checkCancelled();
      runStep(run);
    } catch (JobCancelledException e) {
      return "CANCELLED";
    } catch (Exception e) {
      if (run.failure() == null) {
        run.fail(step() + " failed: " + e.getMessage());
      }
      throw e;
    }
    if (run.failure() != null) {
      throw new IllegalStateException(run.failure());
    }
    return "COMPLETED";
  }

  @Override
  public void stop() {
    // JobDispatcher.stop flags the run first; this covers a stop from /ibm/api/batch.
    JobRun current = run;
    if (current != null && !current.cancelled()) {
      runs.cancel(current.id());
    }
  }
}
