package dev.lectern.roster.imports;

import dev.lectern.ops.jobs.BatchParameters;
import dev.lectern.ops.jobs.JobCancelledException;
import dev.lectern.ops.jobs.JobRun;
import dev.lectern.ops.jobs.JobRuns;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * One step of {@code lectern-import} ({@code step} = stage, validate or apply). A step that found
 * problems records the failure and the job stops there; an exception fails the batch step too.
 */
@Named("importStep")
@Dependent
public class ImportStepBatchlet extends AbstractBatchlet {

  @Inject JobContext context;
  @Inject JobRuns runs;
  @Inject ImportRunner runner;

  @Inject
  @BatchProperty(name = "step")
  String step;

  private volatile JobRun run;

  @Override
  public String process() throws Exception {
    run = runs.of(BatchParameters.jobId(context));
    if (run.failure() != null || run.cancelled()) {
      return "SKIPPED";
    }
    try {
      run.checkCancelled();
      switch (step) {
        case "stage" -> runner.stage(run);
        case "validate" -> runner.validate(run);
        case "apply" -> runner.apply(run);
        default -> throw new IllegalStateException("unknown import step " + step);
      }
    } catch (JobCancelledException e) {
      return "CANCELLED";
    } catch (Exception e) {
      if (run.failure() == null) {
        run.fail(step + " failed: " + e.getMessage());
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
