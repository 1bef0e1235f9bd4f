package dev.lectern.platform.migration;

import dev.lectern.platform.db.AdvisoryLock;
import dev.lectern.platform.db.DatabaseFailures;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

/**
 * Brings the schema up to date in the background. Deployment never waits for PostgreSQL: the first
 * attempt runs right after startup and, while the database is unreachable or a migration fails,
 * another follows every {@link MigrationConfig#retryInterval()}. Replicas migrating at once are
 * serialised by Flyway's PostgreSQL advisory lock.
 */
@ApplicationScoped
public class SchemaMigrator {

  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

  @Resource(lookup = "jdbc/lectern")
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject MigrationConfig config;
  @Inject Event<SchemaReady> schemaReady;
  @Inject Instance<BeforeMigration> beforeMigration;

  private volatile SchemaStatus status = SchemaStatus.pending("migrations not attempted yet");
  private volatile Future<?> nextAttempt;
  private volatile boolean stopped;
  private volatile boolean announced;
  private volatile String lastLoggedReason;

  void onStartup(@Observes Startup startup) {
    schedule(0);
  }

  @PreDestroy
  void stop() {
    stopped = true;
    Future<?> next = nextAttempt;
    if (next != null) {
      next.cancel(false);
    }
  }

  public SchemaStatus status() {
    return status;
  }

  private void schedule(long delayMillis) {
    if (!stopped) {
      nextAttempt = scheduler.schedule(this::attempt, delayMillis, TimeUnit.MILLISECONDS);
    }
  }

  private void attempt() {
    SchemaStatus outcome;
    try {
      outcome = migrate();
    } catch (RuntimeException e) {
      outcome = SchemaStatus.failed(reasonFor(e));
      logFailure(outcome.reason(), e);
    }
    if (outcome.isReady() && !announced) {
      // Ready only once the first-start tasks (first admin, first signing key) have run, so a
      // ready replica can already log its admin in.
      announced = announce(outcome);
      if (announced) {
        LOG.info("Database schema is at version " + outcome.version());
      } else {
        outcome = SchemaStatus.failed("first-start tasks failed; retrying");
      }
    }
    status = outcome;
    if (!outcome.isReady()) {
      schedule(config.retryInterval().toMillis());
    }
  }

  /** Logs a failure once per distinct reason, so a long outage does not flood the log. */
  private void logFailure(String reason, Throwable failure) {
    if (reason.equals(lastLoggedReason)) {
      LOG.log(Level.FINE, "Schema migration still failing: " + reason, failure);
    } else {
      lastLoggedReason = reason;
      LOG.log(Level.WARNING, "Schema migration failed, retrying in the background: " + reason);
      LOG.log(Level.FINE, "Schema migration failure", failure);
    }
  }

  /**
   * Tells the capabilities that their tables exist. Their observers are idempotent, so a failed
   * announcement (the database blinked) is simply repeated with the next attempt.
   */
  private boolean announce(SchemaStatus ready) {
    try {
      schemaReady.fire(new SchemaReady(ready.version()));
      return true;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "First-start tasks failed, retrying: " + reasonFor(e), e);
      return false;
    }
  }

  private SchemaStatus migrate() {
    Optional<String> unchanged =
        CurrentSchema.versionIfCurrent(
            dataSource, new ClasspathMigrations(SchemaMigrator.class.getClassLoader()));
    if (unchanged.isPresent()) {
      return SchemaStatus.ready(unchanged.get());
    }
    Flyway flyway = flyway(dataSource);
    MigrationInfoService info = flyway.info();
    MigrationInfo[] future =
        Arrays.stream(info.all())
            .filter(
                m ->
                    m.getState() == MigrationState.FUTURE_SUCCESS
                        || m.getState() == MigrationState.FUTURE_FAILED)
            .toArray(MigrationInfo[]::new);
    if (future.length > 0) {
      String newest = future[future.length - 1].getVersion().toString();
      return SchemaStatus.newerThanCode(newest, latestKnown(info));
    }
    if (info.pending().length > 0 && info.current() != null && !beforeMigration.isUnsatisfied()) {
      migrateAfterHooks(flyway);
    } else {
      flyway.migrate();
    }
    MigrationInfo current = flyway.info().current();
    return SchemaStatus.ready(current == null ? "0" : current.getVersion().toString());
  }

  /**
   * Runs the {@link BeforeMigration} hooks and migrates while holding a session advisory lock, so
   * with several servers starting on an old schema exactly one runs the hooks; the others wait,
   * then find nothing pending.
   */
  private void migrateAfterHooks(Flyway flyway) {
    try (Connection lock = dataSource.getConnection();
        Statement s = lock.createStatement()) {
      s.execute("SELECT pg_advisory_lock(" + AdvisoryLock.SCHEMA_MIGRATION.id() + ")");
      try {
        MigrationInfoService info = flyway.info();
        if (info.pending().length > 0 && info.current() != null) {
          String current = info.current().getVersion().toString();
          for (BeforeMigration hook : beforeMigration) {
            hook.beforeMigrating(current, info.pending().length);
          }
        }
        flyway.migrate();
      } finally {
        s.execute("SELECT pg_advisory_unlock(" + AdvisoryLock.SCHEMA_MIGRATION.id() + ")");
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("before-migration work failed: " + e.getMessage(), e);
    }
  }

  /** Flyway over Lectern's migrations as this code knows them (the classpath's index). */
  static Flyway flyway(DataSource dataSource) {
    ClassLoader loader = SchemaMigrator.class.getClassLoader();
    return Flyway.configure(loader)
        .dataSource(dataSource)
        .resourceProvider(new ClasspathMigrations(loader))
        .javaMigrationClassProvider(List::of)
        .callbackLocations(new String[0])
        .connectRetries(0)
        .load();
  }

  static String latestKnown(MigrationInfoService info) {
    return Arrays.stream(info.all())
        .filter(
            m ->
                m.getState() != MigrationState.FUTURE_SUCCESS
                    && m.getState() != MigrationState.FUTURE_FAILED
                    && m.getVersion() != null)
        .reduce((first, second) -> second)
        .map(m -> m.getVersion().toString())
        .orElse("0");
  }

  /**
   * A reason safe to show in readiness: the database's own message (never the SQL text Flyway puts
   * in its exception), or that the database is unreachable.
   */
  static String reasonFor(Throwable failure) {
    if (DatabaseFailures.isUnavailable(failure)) {
      return "database unreachable: " + firstLine(DatabaseFailures.summary(failure));
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        boolean cannotConnect = state.startsWith("28") || state.equals("3D000");
        return (cannotConnect ? "cannot connect: " : "migration failed: ")
            + firstLine(sql.getMessage());
      }
    }
    return "migration failed: " + firstLine(failure.getMessage());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
