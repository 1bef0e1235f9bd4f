package dev.lectern.roster.imports;

import dev.lectern.control.jobs.JobRun;
import dev.lectern.control.jobs.JobStepBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * One step of {@code lectern-import} ({@code step} = stage, validate or apply). A step that found
 * problems records the failure and the job stops there; an exception fails the batch step too.
 */
@Named("importStep")
@Dependent
public class ImportStepBatchlet extends JobStepBatchlet {

  @Inject ImportRunner runner;

  @Inject
  @BatchProperty(name = "step")
  String step;

  @Override
  protected String step() {
    return step;
  }

  @Override
  protected void runStep(JobRun run) throws Exception {
    switch (step) {
      case "stage" -> runner.stage(run);
      case "validate" -> runner.validate(run);
      case "apply" -> runner.apply(run);
      default -> throw new IllegalStateException("unknown import step " + step);
    }
  }
}
