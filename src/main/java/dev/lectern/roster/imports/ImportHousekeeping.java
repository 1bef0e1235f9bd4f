package dev.lectern.roster.imports;

import dev.lectern.control.jobs.JobFinished;
import dev.lectern.control.jobs.JobService;
import dev.lectern.control.jobs.JobType;
import dev.lectern.platform.migration.SchemaReady;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Cleans up after imports: a finished job's staging tables at once, and every six hours packages
 * past their retention and staging tables no running job owns (left by a killed server).
 */
@ApplicationScoped
public class ImportHousekeeping {

  private static final Logger LOG = Logger.getLogger(ImportHousekeeping.class.getName());

  @Resource(lookup = "jdbc/lecternDirect")
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject ImportRunner runner;
  @Inject ImportStorage storage;
  @Inject JobService jobs;

  void start(@Observes SchemaReady ready) {
    scheduler.scheduleWithFixedDelay(this::sweep, 1, 360, TimeUnit.MINUTES);
  }

  void finished(@Observes JobFinished finished) {
    if (finished.type() == JobType.IMPORT) {
      try {
        runner.dropStaging(finished.id());
      } catch (SQLException e) {
        LOG.log(
            Level.WARNING,
            "Could not drop the staging tables of job " + finished.id() + "; the next sweep will",
            e);
      }
    }
  }

  void sweep() {
    try {
      int purged = storage.purgeExpired();
      if (purged > 0) {
        LOG.info("Deleted " + purged + " import packages past IMPORT_RETENTION_DAYS");
      }
      dropOrphanStaging();
    } catch (IOException | SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Import housekeeping failed; it runs again in six hours", e);
    }
  }

  /**
   * Lists the staging tables first, then asks the jobs which are running: a job is active before it
   * makes its tables, so every table listed whose job is running shows up as running.
   */
  private void dropOrphanStaging() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      Set<UUID> staged = new HashSet<>();
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT DISTINCT substr(tablename, 2, 32) FROM pg_tables"
                      + " WHERE schemaname = 'import_stage'");
          ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          staged.add(
              UUID.fromString(
                  rows.getString(1)
                      .replaceFirst(
                          "(\\p{XDigit}{8})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}+)",
                          "$1-$2-$3-$4-$5")));
        }
      }
      staged.removeAll(jobs.activeIds());
      for (UUID job : staged) {
        StagingTables.dropAll(c, job);
      }
    }
  }
}
