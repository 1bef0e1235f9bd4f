package dev.lectern.auth;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Records every use of an API key without slowing the request: uses are queued in memory and
 * written in one batch per second, with the keys' {@code last_used_at}. The queue is bounded; when
 * the database is down for long, the oldest records are dropped and the drop is logged.
 */
@ApplicationScoped
public class ApiKeyUsageRecorder {

  private static final Logger LOG = Logger.getLogger(ApiKeyUsageRecorder.class.getName());
  private static final int MAX_QUEUED = 100_000;

  /** One use of a key. */
  record Use(UUID keyId, Instant at, String operation, int status, String requestId) {}

  @Resource(lookup = "jdbc/lectern")
  DataSource dataSource;

  @Resource ManagedScheduledExecutorService scheduler;

  private final ConcurrentLinkedQueue<Use> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private ScheduledFuture<?> task;

  void start(@Observes Startup startup) {
    task = scheduler.scheduleWithFixedDelay(this::flush, 1, 1, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
    flush();
  }

  public void record(UUID keyId, String operation, int status, String requestId) {
    queue.add(new Use(keyId, Instant.now(), operation, status, requestId));
    if (queued.incrementAndGet() > MAX_QUEUED && queue.poll() != null) {
      queued.decrementAndGet();
      LOG.warning("API key usage queue full: dropped the oldest record");
    }
  }

  void flush() {
    List<Use> batch = new ArrayList<>();
    for (Use use = queue.poll(); use != null && batch.size() < 10_000; use = queue.poll()) {
      queued.decrementAndGet();
      batch.add(use);
    }
    if (batch.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO api_key_usage (api_key_id, used_at, operation, status, request_id)"
                    + " VALUES (?, ?, ?, ?, ?)");
        PreparedStatement touch =
            connection.prepareStatement(
                "UPDATE api_key SET last_used_at = greatest(coalesce(last_used_at, ?), ?)"
                    + " WHERE id = ?")) {
      for (Use use : batch) {
        insert.setObject(1, use.keyId());
        insert.setTimestamp(2, Timestamp.from(use.at()));
        insert.setString(3, use.operation());
        insert.setInt(4, use.status());
        insert.setString(5, use.requestId());
        insert.addBatch();
        touch.setTimestamp(1, Timestamp.from(use.at()));
        touch.setTimestamp(2, Timestamp.from(use.at()));
        touch.setObject(3, use.keyId());
        touch.addBatch();
      }
      insert.executeBatch();
      touch.executeBatch();
    } catch (SQLException e) {
      // Put the batch back for the next attempt; the database may be blinking.
      batch.forEach(
          use -> {
            queue.add(use);
            queued.incrementAndGet();
          });
      LOG.warning("Could not record API key usage, will retry: " + e.getMessage());
    }
  }
}
