package dev.lectern.ops.backup;

import dev.lectern.control.jobs.JobRun;
import dev.lectern.control.jobs.JobService;
import dev.lectern.control.jobs.JobStepBatchlet;
import dev.lectern.ops.backup.archive.ArchiveManifest;
import dev.lectern.ops.backup.archive.ArchiveVerifier;
import dev.lectern.roster.query.RosterRelationships;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;

/**
 * One step of the backup jobs ({@code step} = backup, verify, drill, restore or partial). The
 * backup step hands the new backup's id to the verify step that follows it; a verify job names its
 * backup in its input. The job's counts carry the outcome: backup id, size, rows, verification and
 * drill results.
 */
@Named("backupStep")
@Dependent
public class BackupStepBatchlet extends JobStepBatchlet {

  @Inject JobService jobs;
  @Inject BackupService backups;
  @Inject DrillService drills;
  @Inject RestoreService restores;
  @Inject PartialRestoreService partials;

  @Inject
  @BatchProperty(name = "step")
  String step;

  private JobRun run;

  @Override
  protected String step() {
    return step;
  }

  @Override
  protected void runStep(JobRun run) throws Exception {
    this.run = run;
    JsonObject input = input();
    switch (step) {
      case "backup" -> backup(input.getString("trigger", "manual"));
      case "verify" -> verify(backupId(input));
      case "drill" -> drill(input.getString("backupId", null));
      case "restore" -> restore(input.getString("backupId"));
      case "partial" -> partial(input);
      default -> throw new IllegalStateException("unknown backup step " + step);
    }
  }

  private void backup(String trigger) throws Exception {
    long started = System.nanoTime();
    ArchiveManifest manifest = backups.backup(run, trigger);
    context().setTransientUserData(manifest.id());
    report(
        Json.createObjectBuilder()
            .add("backupId", manifest.id())
            .add("backupMillis", (System.nanoTime() - started) / 1_000_000)
            .add("tables", manifest.tables().size())
            .add("rows", manifest.rows())
            .add("encrypted", manifest.encrypted()),
        manifest.rows(),
        70);
  }

  private void verify(String backupId) throws Exception {
    JsonObject before = Json.createObjectBuilder(current()).add("backupId", backupId).build();
    run.progress("verify", 85, 0, before.toString(), true);
    long started = System.nanoTime();
    ArchiveVerifier.Result result = backups.verify(backupId);
    var problems = Json.createArrayBuilder();
    result.problems().forEach(problems::add);
    JsonObjectBuilder counts =
        Json.createObjectBuilder(before)
            .add("verified", result.verified())
            .add("verifyMillis", (System.nanoTime() - started) / 1_000_000)
            .add("problems", problems);
    report(counts, result.manifest() == null ? 0 : result.manifest().rows(), 100);
    if (!result.verified()) {
      run.fail(
          "backup " + backupId + " failed verification: " + String.join("; ", result.problems()));
    }
  }

  private void drill(String backupId) throws Exception {
    Drill drill = drills.drill(run, backupId);
    report(
        Json.createObjectBuilder()
            .add("drillId", drill.id().toString())
            .add("backupId", drill.backupId())
            .add("result", drill.result())
            .add("reason", drill.reason()),
        drill.rows() == null ? 0 : drill.rows(),
        100);
    if (!Drill.SUCCESS.equals(drill.result())) {
      run.fail("restore drill FAILED: " + drill.reason());
    }
  }

  private void restore(String backupId) throws Exception {
    String summary = restores.restore(run, backupId);
    report(Json.createObjectBuilder().add("backupId", backupId).add("summary", summary), 0, 100);
  }

  private void partial(JsonObject input) throws Exception {
    PartialRestoreService.Plan plan =
        partials.run(
            run,
            input.getString("backupId"),
            RosterRelationships.Scope.valueOf(input.getString("scope")),
            input.getString("sourcedId"),
            input.getBoolean("apply", false),
            input.getBoolean("overwrite", false));
    try (Jsonb jsonb = JsonbBuilder.create();
        var reader = Json.createReader(new StringReader(jsonb.toJson(plan)))) {
      report(Json.createObjectBuilder(reader.readObject()), 0, 100);
    }
  }

  private void report(JsonObjectBuilder counts, long rows, int percent) {
    run.progress(step, percent, rows, counts.build().toString(), true);
  }

  private String backupId(JsonObject input) {
    Object handedOver = context().getTransientUserData();
    return handedOver instanceof String id ? id : input.getString("backupId");
  }

  private JsonObject input() {
    try (var reader = Json.createReader(new StringReader(jobs.get(run.id()).input()))) {
      return reader.readObject();
    }
  }

  private JsonObject current() {
    try (var reader = Json.createReader(new StringReader(jobs.get(run.id()).counts()))) {
      return reader.readObject();
    }
  }
}
