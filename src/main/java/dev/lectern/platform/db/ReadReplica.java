package dev.lectern.platform.db;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The streaming replica of {@code DB_READ_URL} and whether it may serve reads now. Once a second it
 * samples the primary's WAL position and the replica's replay position ({@link ReplayLag}); the
 * replica is refused while it is unreachable, is not a standby (promoted, or pointed at a primary),
 * or lags more than {@code DB_READ_MAX_LAG_SECONDS}. Each change of that verdict is logged once.
 */
@ApplicationScoped
public class ReadReplica {

  private static final Logger LOG = Logger.getLogger(ReadReplica.class.getName());

  /** Every transaction committed before this statement ran ends at or below its answer. */
  static final String PRIMARY_POSITION_SQL = "SELECT (pg_current_wal_insert_lsn() - '0/0')::bigint";

  private static final String REPLAY_POSITION_SQL =
      "SELECT pg_is_in_recovery(), (pg_last_wal_replay_lsn() - '0/0')::bigint";

  @Inject DatabaseConfig config;

  @Resource(lookup = "jdbc/lectern")
  DataSource primary;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Resource ManagedScheduledExecutorService scheduler;

  private final ReplayLag lag = new ReplayLag();
  private volatile DataSource replica;
  private volatile Duration lastLag = Duration.ZERO;
  private volatile String refusal = "DB_READ_URL is not set";
  private ScheduledFuture<?> task;

  void start(@Observes Startup startup) {
    registry.gauge(
        Metadata.builder()
            .withName("lectern_db_replica_lag_seconds")
            .withDescription("Age of the oldest primary WAL position the read replica lacks")
            .build(),
        this,
        r -> r.lastLag.toMillis() / 1000.0);
    registry.gauge(
        Metadata.builder()
            .withName("lectern_db_replica_serving")
            .withDescription("1 while the read replica serves OneRoster reads (0 without one)")
            .build(),
        this,
        r -> r.refusal == null ? 1 : 0);
    if (config.hasReadReplica()) {
      refusal = "not checked yet";
      task = scheduler.scheduleWithFixedDelay(this::check, 0, 1, TimeUnit.SECONDS);
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  /** Why the replica may not serve reads now, or empty when it may. */
  Optional<String> refusal() {
    return Optional.ofNullable(refusal);
  }

  /** The replica's pool (server.xml's {@code jdbc/lecternRead}), looked up only once configured. */
  DataSource dataSource() throws SQLException {
    DataSource source = replica;
    if (source == null) {
      try {
        source = InitialContext.doLookup("jdbc/lecternRead");
      } catch (NamingException e) {
        throw new SQLException("jdbc/lecternRead is not available", e);
      }
      replica = source;
    }
    return source;
  }

  /** The primary's pool: reads the replica may not serve go there. */
  DataSource primary() {
    return primary;
  }

  /** Counts where one read went and why. */
  void routed(String target, String reason) {
    registry
        .counter("lectern_db_routed_reads", new Tag("target", target), new Tag("reason", reason))
        .inc();
  }

  /** The primary's WAL position now, on a connection of its own pool. */
  long primaryPosition() throws SQLException {
    try (Connection connection = primary.getConnection()) {
      return position(connection, PRIMARY_POSITION_SQL);
    }
  }

  private void check() {
    String verdict;
    try {
      lag.primaryAt(System.nanoTime(), primaryPosition());
      verdict = replicaVerdict();
    } catch (SQLException | RuntimeException e) {
      verdict = "the read replica is unreachable (" + e.getMessage() + ")";
    }
    changeTo(verdict);
  }

  private String replicaVerdict() throws SQLException {
    try (Connection connection = dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(REPLAY_POSITION_SQL);
        ResultSet row = statement.executeQuery()) {
      row.next();
      if (!row.getBoolean(1)) {
        return "DB_READ_URL is not a standby (promoted, or a primary)";
      }
      lastLag = lag.behind(System.nanoTime(), row.getLong(2));
      return lastLag.compareTo(config.readMaxLag()) > 0
          ? "the read replica lags "
              + lastLag.toMillis() / 1000.0
              + " s, more than DB_READ_MAX_LAG_SECONDS"
          : null;
    }
  }

  /**
   * Records the verdict after a check failed outside the schedule, such as a refused connection.
   */
  void refuse(String why) {
    changeTo(why);
  }

  private synchronized void changeTo(String verdict) {
    if (Objects.equals(verdict, refusal)) {
      return;
    }
    boolean wasServing = refusal == null;
    refusal = verdict;
    if (verdict == null) {
      LOG.info(() -> "OneRoster reads go to the read replica (replay lag " + lastLag + ")");
    } else if (wasServing || !verdict.startsWith("the read replica lags")) {
      LOG.warning("OneRoster reads go to the primary: " + verdict);
    }
  }

  static long position(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet row = statement.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }
}
