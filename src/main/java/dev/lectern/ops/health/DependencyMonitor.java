package dev.lectern.ops.health;

import dev.lectern.platform.migration.SchemaMigrator;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Checks the dependencies every few seconds even when no probe asks, so that metrics and the log
 * show an outage (and its end) as it happens, and publishes the outcome as gauges for alerting.
 */
@ApplicationScoped
public class DependencyMonitor {

  private static final long INTERVAL_SECONDS = 5;

  @Inject DependencyChecks checks;
  @Inject SchemaMigrator migrator;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> task;

  void start(@Observes Startup startup) {
    register("database", checks::lastDatabase);
    register("redis", checks::lastRedis);
    registry.gauge(
        Metadata.builder()
            .withName("lectern_schema_ready")
            .withDescription("1 when the database schema is migrated to what this code expects")
            .build(),
        migrator,
        m -> m.status().isReady() ? 1 : 0);
    task =
        scheduler.scheduleWithFixedDelay(
            this::checkAll, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  private void checkAll() {
    checks.database();
    checks.redis();
  }

  private void register(String dependency, Supplier<Optional<ProbeResult>> last) {
    Tag tag = new Tag("dependency", dependency);
    registry.gauge(
        Metadata.builder()
            .withName("lectern_dependency_up")
            .withDescription("1 when the dependency answered its last check")
            .build(),
        last,
        s -> s.get().map(r -> r.up() ? 1 : 0).orElse(0),
        tag);
    registry.gauge(
        Metadata.builder()
            .withName("lectern_dependency_latency")
            .withDescription("Duration of the last check of the dependency")
            .withUnit(MetricUnits.MILLISECONDS)
            .build(),
        last,
        s -> s.get().map(ProbeResult::latencyMs).orElse(-1L),
        tag);
  }
}
