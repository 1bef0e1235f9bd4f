package dev.lectern.roster.imports;

import dev.lectern.control.jobs.JobFinished;
import dev.lectern.control.jobs.JobService;
import dev.lectern.control.jobs.JobType;
import dev.lectern.platform.db.Direct;
import dev.lectern.platform.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Cleans up after imports: a finished job's staging tables at once; staging tables no running job
 * owns (left by a killed server) when the retention sweep asks ({@link ImportPurge}).
 */
@ApplicationScoped
public class ImportHousekeeping {

  private static final Logger LOG = Logger.getLogger(ImportHousekeeping.class.getName());

  @Inject @Direct Jdbc jdbc;
  @Inject ImportRunner runner;
  @Inject JobService jobs;

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

  /**
   * The jobs whose staging tables are left: lists the tables first, then asks the jobs which are
   * running; a job is active before it makes its tables, so a running job's tables never show.
   */
  Set<UUID> orphanStaging() {
    Set<UUID> staged =
        new HashSet<>(
            jdbc.query(
                "SELECT DISTINCT substr(tablename, 2, 32) FROM pg_tables"
                    + " WHERE schemaname = 'import_stage'",
                row -> jobId(row.getString(1))));
    staged.removeAll(jobs.activeIds());
    return staged;
  }

  /** Drops the staging tables of the given jobs; answers how many jobs' tables went. */
  int dropStaging(Set<UUID> orphans) {
    return jdbc.withConnection(
        session -> {
          for (UUID job : orphans) {
            StagingTables.dropAll(session.connection(), job);
          }
          return orphans.size();
        });
  }

  private static UUID jobId(String hex) {
    return UUID.fromString(
        hex.replaceFirst(
            "(\\p{XDigit}{8})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}+)",
            "$1-$2-$3-$4-$5"));
  }
}
