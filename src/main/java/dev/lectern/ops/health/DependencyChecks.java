package dev.lectern.ops.health;

import dev.lectern.platform.db.DatabaseFailures;
import dev.lectern.platform.db.DatabasePing;
import dev.lectern.platform.redis.RedisConnection;
import dev.lectern.platform.redis.RedisPing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * Runs the dependency pings for every probe and remembers the last outcome for metrics. The hard
 * wait below is a second guard behind Fault Tolerance's timeout: no probe ever hangs.
 */
@ApplicationScoped
public class DependencyChecks {

  private static final Logger LOG = Logger.getLogger(DependencyChecks.class.getName());
  private static final long HARD_LIMIT_MILLIS = 1900;

  @Inject DatabasePing databasePing;
  @Inject RedisPing redisPing;
  @Inject RedisConnection redis;

  private volatile ProbeResult lastDatabase;
  private volatile ProbeResult lastRedis;

  public ProbeResult database() {
    ProbeResult result = run(() -> databasePing.ping());
    logTransition("PostgreSQL", lastDatabase, result);
    lastDatabase = result;
    return result;
  }

  /** Redis check; when Redis is not configured it is reported down with that reason. */
  public ProbeResult redis() {
    ProbeResult result =
        redis.isConfigured()
            ? run(() -> redisPing.ping())
            : ProbeResult.down(0, "not configured (REDIS_URL is empty)");
    logTransition("Redis", lastRedis, result);
    lastRedis = result;
    return result;
  }

  /** The last database outcome, or empty before the first check. */
  public Optional<ProbeResult> lastDatabase() {
    return Optional.ofNullable(lastDatabase);
  }

  /** The last Redis outcome, or empty before the first check. */
  public Optional<ProbeResult> lastRedis() {
    return Optional.ofNullable(lastRedis);
  }

  /** A ping, started by a supplier so that its own synchronous failures are caught too. */
  @FunctionalInterface
  interface Ping {
    CompletionStage<Void> start() throws Exception;
  }

  private static ProbeResult run(Ping ping) {
    long start = System.nanoTime();
    try {
      ping.start().toCompletableFuture().get(HARD_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
      return ProbeResult.up(elapsedMillis(start));
    } catch (TimeoutException e) {
      return ProbeResult.down(elapsedMillis(start), "timed out");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ProbeResult.down(elapsedMillis(start), "interrupted");
    } catch (ExecutionException e) {
      return ProbeResult.down(elapsedMillis(start), describe(e.getCause()));
    } catch (Exception e) {
      return ProbeResult.down(elapsedMillis(start), describe(e));
    }
  }

  private static String describe(Throwable failure) {
    if (failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
      return "timed out";
    }
    if (failure instanceof BulkheadException) {
      return "too many checks in flight";
    }
    String summary = DatabaseFailures.summary(failure);
    int newline = summary.indexOf('\n');
    return newline < 0 ? summary : summary.substring(0, newline);
  }

  private static long elapsedMillis(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  private static void logTransition(String name, ProbeResult before, ProbeResult after) {
    if (before == null) {
      return;
    }
    if (before.up() && !after.up()) {
      LOG.warning(() -> name + " became unreachable: " + after.error());
    } else if (!before.up() && after.up()) {
      LOG.info(() -> name + " is reachable again");
    }
  }
}
