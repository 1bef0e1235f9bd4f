package dev.lectern.control.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the job queue. */
@ApplicationScoped
public class JobConfig {

  @Inject
  @ConfigProperty(name = "IMPORT_CONCURRENCY", defaultValue = "1")
  int importConcurrency;

  @Inject
  @ConfigProperty(name = "JOB_POLL_MILLIS", defaultValue = "1000")
  long pollMillis;

  @Inject
  @ConfigProperty(name = "JOB_HEARTBEAT_TIMEOUT_SECONDS", defaultValue = "30")
  long heartbeatTimeoutSeconds;

  @Inject
  @ConfigProperty(name = "JOB_PROBLEM_LIMIT", defaultValue = "10000")
  int problemCap;

  @Inject
  @ConfigProperty(name = "JOB_RETENTION_DAYS", defaultValue = "30")
  int retentionDays;

  /** This replica's name in {@code job.owner}: host, process and a per-start suffix. */
  private final String owner =
      ManagementFactory.getRuntimeMXBean().getName()
          + "/"
          + UUID.randomUUID().toString().substring(0, 8);

  /** How many jobs of a type may run at once across the cluster. */
  int concurrency(JobType type) {
    return type == JobType.IMPORT ? Math.max(1, importConcurrency) : 1;
  }

  long pollMillis() {
    return Math.max(100, pollMillis);
  }

  long heartbeatTimeoutSeconds() {
    return Math.max(5, heartbeatTimeoutSeconds);
  }

  int problemCap() {
    return Math.max(100, problemCap);
  }

  String owner() {
    return owner;
  }

  /** Days a finished job and its problems are kept. */
  int retentionDays() {
    return Math.max(1, retentionDays);
  }
}
