package dev.lectern.control.jobs;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code lectern_jobs{type,state}}: jobs in the table per type and state, and {@code
 * lectern_jobs_oldest_waiting_age_seconds{type}}: how long the oldest waiting job of a type has
 * waited (0 when none waits), refreshed by the dispatcher each tick so a scrape never queries the
 * database.
 */
@ApplicationScoped
public class JobMetrics {

  @Inject MetricRegistry registry;

  private final Map<String, Long> counts = new ConcurrentHashMap<>();
  private final Map<String, Long> oldestWaiting = new ConcurrentHashMap<>();

  /** Registers the series at start, at 0, before the dispatcher's first tick. */
  void start(@Observes Startup startup) {
    // the bean is created (and @PostConstruct registers) on this first use
  }

  @PostConstruct
  void init() {
    for (JobType type : JobType.values()) {
      registry.gauge(
          "lectern_jobs_oldest_waiting_age_seconds",
          oldestWaiting,
          map -> map.getOrDefault(type.label(), 0L),
          new Tag("type", type.label()));
      for (JobState state : JobState.values()) {
        String key = type.label() + "/" + state.label();
        registry.gauge(
            "lectern_jobs",
            counts,
            map -> map.getOrDefault(key, 0L),
            new Tag("type", type.label()),
            new Tag("state", state.label()));
      }
    }
  }

  void refresh(List<Object[]> rows) {
    Map<String, Long> fresh = new java.util.HashMap<>();
    Map<String, Long> ages = new java.util.HashMap<>();
    for (Object[] row : rows) {
      fresh.put(row[0] + "/" + row[1], (Long) row[2]);
      if (JobState.WAITING.label().equals(row[1])) {
        ages.put((String) row[0], (Long) row[3]);
      }
    }
    for (String type : oldestWaiting.keySet()) {
      ages.putIfAbsent(type, 0L);
    }
    oldestWaiting.putAll(ages);
    for (String key : counts.keySet()) {
      fresh.putIfAbsent(key, 0L);
    }
    counts.putAll(fresh);
  }
}
