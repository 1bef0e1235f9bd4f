package dev.lectern.roster.imports;

import dev.lectern.control.flags.FlagContext;
import dev.lectern.control.flags.Flags;
import dev.lectern.control.flags.KnownFlag;
import dev.lectern.control.jobs.Job;
import dev.lectern.control.jobs.JobProblem;
import dev.lectern.control.jobs.JobRun;
import dev.lectern.control.jobs.JobService;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The three steps of an import job. Staging and validation only write the job's staging tables, so
 * a failure or cancel before the apply leaves the roster untouched; the apply is one transaction.
 */
@ApplicationScoped
public class ImportRunner {

  private static final Logger LOG = Logger.getLogger(ImportRunner.class.getName());
  private static final int REPORT_LIMIT = 1000;

  @Resource(lookup = "jdbc/lecternDirect")
  DataSource dataSource;

  @Inject JobService jobs;
  @Inject ImportConfig config;
  @Inject ImportStorage storage;
  @Inject ImportMetrics metrics;
  @Inject Flags flags;

  /** Streams every file into staging, checking headers and rows. */
  public void stage(JobRun run) throws IOException, SQLException {
    long start = System.nanoTime();
    Job job = jobs.get(run.id());
    Path file = storage.path(input(job).getString("package"));
    if (!Files.exists(file)) {
      fail(run, "the package is no longer stored (kept IMPORT_RETENTION_DAYS); upload it again");
      return;
    }
    try (ImportPackage pkg = ImportPackage.open(file, config);
        Connection c = dataSource.getConnection()) {
      run.problems(pkg.problems());
      Manifest manifest = Manifest.read(pkg);
      run.problems(manifest.problems());
      if ("1.1".equals(manifest.version())
          && !flags.enabled(
              KnownFlag.ONEROSTER_11_CSV, FlagContext.account(job.createdBy(), null))) {
        run.problems(
            List.of(
                new JobProblem(
                    "manifest.csv",
                    null,
                    "oneroster.version",
                    "OneRoster 1.1 packages are turned off (flag oneroster-1-1-csv); send 1.2")));
      }
      if (run.problemsFound() > 0) {
        fail(run, "the package is not valid (" + run.problemsFound() + " problems)");
        return;
      }
      long total = manifest.present().stream().mapToLong(f -> pkg.declaredSize(f.fileName())).sum();
      ImportProgress progress = new ImportProgress(run, total, null);
      CsvStager stager = new CsvStager(pkg, manifest.version(), run, progress);
      for (CsvFile csv : manifest.present()) {
        stager.stage(c, csv, manifest.mode(csv) == Manifest.Mode.BULK);
      }
      if (!manifest.ignored().isEmpty()) {
        LOG.info(
            "Import "
                + run.id()
                + " ignores "
                + manifest.ignored()
                + " (gradebook and resources files are not imported)");
      }
      progress.phase("staged", 70);
      LOG.info(
          () ->
              "Import "
                  + run.id()
                  + " staged "
                  + progress.rows()
                  + " rows in "
                  + seconds(start)
                  + " s");
      if (run.problemsFound() > 0) {
        fail(run, "the package has " + run.problemsFound() + " problems; nothing was applied");
      }
    } catch (ImportPackage.PackageException e) {
      run.problems(List.of(new JobProblem(e.file(), null, null, e.getMessage())));
      fail(run, e.getMessage());
    }
  }

  /** Checks what needs the whole package. */
  public void validate(JobRun run) throws IOException, SQLException {
    long start = System.nanoTime();
    Job job = jobs.get(run.id());
    Manifest manifest = manifestOf(job);
    try (Connection c = dataSource.getConnection()) {
      ImportProgress progress = new ImportProgress(run, 1, job.counts());
      progress.phase("validating", 72);
      new ImportValidator(run.id(), manifest, run, REPORT_LIMIT).validate(c);
      if (run.problemsFound() > 0) {
        fail(run, "the package has " + run.problemsFound() + " problems; nothing was applied");
        return;
      }
      progress.phase("validated", 80);
      LOG.info(() -> "Import " + run.id() + " validated in " + seconds(start) + " s");
    }
  }

  /** Applies the staged package in one transaction. */
  public void apply(JobRun run) throws IOException, SQLException {
    Job job = jobs.get(run.id());
    long start = System.nanoTime();
    Manifest manifest = manifestOf(job);
    try (Connection c = dataSource.getConnection()) {
      ImportProgress progress = new ImportProgress(run, 1, job.counts());
      progress.phase("applying", 80);
      new ImportApplier(run.id(), manifest, run, progress, config.applyTimeoutSeconds()).apply(c);
      progress.phase("applied", 100);
      LOG.info(() -> "Import " + run.id() + " applied in " + seconds(start) + " s");
      metrics.imported(progress.rows(), System.nanoTime() - start);
    } finally {
      run.onCancel(null);
    }
  }

  /** The manifest of a job's package, which staging already checked. */
  private Manifest manifestOf(Job job) throws IOException {
    try (ImportPackage pkg =
        ImportPackage.open(storage.path(input(job).getString("package")), config)) {
      return Manifest.read(pkg);
    }
  }

  /** Drops the job's staging tables. */
  void dropStaging(java.util.UUID job) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      StagingTables.dropAll(c, job);
    }
  }

  private static String seconds(long startNanos) {
    return String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - startNanos) / 1e9);
  }

  private static void fail(JobRun run, String message) {
    run.fail(message);
  }

  static JsonObject input(Job job) {
    try (var reader = Json.createReader(new StringReader(job.input()))) {
      return reader.readObject();
    }
  }
}
