package dev.lectern.control.feed;

import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.migration.SchemaReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.postgresql.PGConnection;

/**
 * Follows the feed on this replica. One connection waits on {@code LISTEN}; a notification, or the
 * poll interval without one, ends the wait, and the topic versions are read: every topic whose
 * version moved is announced as a {@link ChangeNotice}. The versions, not the notifications, are
 * the truth, so a notification lost with a broken connection costs at most one poll interval; while
 * no connection can listen, the versions are polled through the pool.
 */
@ApplicationScoped
public class ChangeListener {

  private static final Logger LOG = Logger.getLogger(ChangeListener.class.getName());

  @Resource(lookup = "jdbc/lecternDirect")
  DataSource direct;

  @Inject Jdbc jdbc;
  @Inject Event<ChangeNotice> notices;
  @Inject ChangeFeedConfig config;
  @Inject MetricRegistry metrics;
  @Resource ManagedScheduledExecutorService scheduler;

  /** Versions announced so far; touched by the feed's thread only. */
  private final Map<String, Long> announced = new HashMap<>();

  /**
   * Topics whose observers failed at their last announcement; touched by the feed's thread only.
   */
  private final Set<String> failing = new HashSet<>();

  /** The connection waiting on the channel, or null; closed by {@link #stop} too. */
  private volatile Connection listening;

  private volatile boolean stopping;
  private volatile Instant lastRound;
  private ScheduledFuture<?> rounds;

  /**
   * Starts following; the first round runs here, so every topic is loaded before the schema is
   * announced ready. Idempotent: the schema-ready event may come more than once.
   */
  synchronized void start(@Observes SchemaReady ready) {
    if (rounds != null) {
      return;
    }
    round();
    metrics.gauge("lectern_change_feed_listening", this, feed -> feed.listening() ? 1 : 0);
    metrics.gauge(
        "lectern_change_feed_round_age_seconds",
        this,
        feed ->
            feed.lastRound == null
                ? -1
                : Duration.between(feed.lastRound, Instant.now()).toSeconds());
    rounds = scheduler.scheduleWithFixedDelay(this::round, 0, 20, TimeUnit.MILLISECONDS);
  }

  /** Whether a connection is waiting for notifications (otherwise the versions are polled). */
  public boolean listening() {
    return listening != null;
  }

  /**
   * {@code listening}, {@code polling} (no connection can listen; the versions are polled), or
   * {@code stalled} when no round has read the versions for three poll intervals and more.
   */
  public String status() {
    Instant last = lastRound;
    Duration stall = Duration.ofMillis(3 * config.pollMillis() + 10_000);
    if (last == null || Duration.between(last, Instant.now()).compareTo(stall) > 0) {
      return "stalled";
    }
    return listening() ? "listening" : "polling";
  }

  void round() {
    if (stopping) {
      return;
    }
    try {
      boolean wasListening = listening != null;
      if (listen()) {
        if (wasListening) {
          awaitNotification();
        }
        // A connection that has just started listening reads the versions at once: a change
        // committed before its LISTEN sent no notification it could receive.
      } else if (lastRound != null) {
        Thread.sleep(config.pollMillis());
      }
      announce(versions());
      lastRound = Instant.now();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      if (!stopping) {
        LOG.log(Level.FINE, "Change feed round failed; the next one retries", e);
      }
    }
  }

  /** Opens the listening connection if there is none; false when it cannot be had now. */
  private boolean listen() {
    if (listening != null) {
      return true;
    }
    try {
      Connection connection = direct.getConnection();
      // PostgreSQL delivers notifications between transactions only: never leave one open here.
      try (Statement statement = connection.createStatement()) {
        connection.setAutoCommit(true);
        statement.execute("LISTEN " + ChangeFeed.CHANNEL);
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
      try {
        // A half-open socket (a failover, a dropped NAT entry) fails a read in seconds instead of
        // TCP's quarter of an hour; the wait for notifications sets its own timeout.
        connection.setNetworkTimeout(Runnable::run, (int) (3 * config.pollMillis() + 5_000));
      } catch (SQLException | UnsupportedOperationException e) {
        LOG.fine(() -> "Change feed connection keeps the driver's timeout: " + e);
      }
      listening = connection;
      LOG.info("Change feed listening on " + ChangeFeed.CHANNEL);
      return true;
    } catch (SQLException e) {
      LOG.fine(() -> "Change feed cannot listen, polling: " + e.getMessage());
      return false;
    }
  }

  private void awaitNotification() {
    try {
      // Drains every notification that arrived; which topics they name does not matter.
      listening.unwrap(PGConnection.class).getNotifications((int) config.pollMillis());
    } catch (SQLException e) {
      if (!stopping) {
        LOG.warning("Change feed stopped listening, polling until it can again: " + e.getMessage());
      }
      closeListening();
    }
  }

  private Map<String, Long> versions() {
    String sql = "SELECT topic, version FROM change_feed";
    if (listening != null) {
      try (Statement statement = listening.createStatement();
          var rows = statement.executeQuery(sql)) {
        Map<String, Long> versions = new LinkedHashMap<>();
        while (rows.next()) {
          versions.put(rows.getString(1), rows.getLong(2));
        }
        return versions;
      } catch (SQLException e) {
        closeListening();
      }
    }
    Map<String, Long> versions = new LinkedHashMap<>();
    jdbc.query(sql, row -> Map.entry(row.getString(1), row.getLong(2)))
        .forEach(entry -> versions.put(entry.getKey(), entry.getValue()));
    return versions;
  }

  private void announce(Map<String, Long> versions) {
    versions.forEach(
        (topic, version) -> {
          if (Objects.equals(announced.get(topic), version)) {
            return;
          }
          try {
            notices.fire(new ChangeNotice(topic));
            announced.put(topic, version);
            if (failing.remove(topic)) {
              LOG.info("Change feed: " + topic + " reloaded again");
            }
          } catch (RuntimeException e) {
            // Logged once until it heals: the next round retries, every poll interval.
            LOG.log(
                failing.add(topic) ? Level.WARNING : Level.FINE,
                "Change feed: reloading " + topic + " failed; every round retries until it works",
                e);
          }
        });
  }

  private void closeListening() {
    Connection connection = listening;
    listening = null;
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.fine(() -> "Change feed connection not closed cleanly: " + e.getMessage());
      }
    }
  }

  @PreDestroy
  void stop() {
    stopping = true;
    if (rounds != null) {
      rounds.cancel(true);
    }
    closeListening();
  }
}
