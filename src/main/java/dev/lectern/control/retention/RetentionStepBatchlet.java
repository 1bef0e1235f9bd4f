package dev.lectern.control.retention;

import dev.lectern.control.jobs.JobRun;
import dev.lectern.control.jobs.JobService;
import dev.lectern.control.jobs.JobStepBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import java.io.StringReader;

/** The one step of a retention job: the sweep, or its dry run when the job's input says so. */
@Named("retentionStep")
@Dependent
public class RetentionStepBatchlet extends JobStepBatchlet {

  @Inject JobService jobs;
  @Inject RetentionService retention;

  @Override
  protected String step() {
    return "sweep";
  }

  @Override
  protected void runStep(JobRun run) {
    boolean dryRun;
    try (var reader = Json.createReader(new StringReader(jobs.get(run.id()).input()))) {
      dryRun = reader.readObject().getBoolean("dryRun", false);
    }
    retention.sweep(run, dryRun);
  }
}
