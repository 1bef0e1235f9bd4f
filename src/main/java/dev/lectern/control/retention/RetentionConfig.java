package dev.lectern.control.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the retention sweep; how long each kind of record is kept belongs to its owner. */
@ApplicationScoped
public class RetentionConfig {

  @Inject
  @ConfigProperty(name = "RETENTION_SCHEDULE", defaultValue = "0 0 3 * * *")
  String schedule;

  @Inject
  @ConfigProperty(name = "RETENTION_BATCH_SIZE", defaultValue = "1000")
  int batchSize;

  @Inject
  @ConfigProperty(name = "RETENTION_LOCK_TIMEOUT_MILLIS", defaultValue = "2000")
  long lockTimeoutMillis;

  String schedule() {
    return schedule;
  }

  int batchSize() {
    return Math.max(1, batchSize);
  }

  long lockTimeoutMillis() {
    return Math.max(100, lockTimeoutMillis);
  }
}
