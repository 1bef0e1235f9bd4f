package dev.lectern.control.cache;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Where each cache read was answered: {@code lectern_cache_lookups_total{layer}} counts reads found
 * in this replica's memory, found in Redis, or missed; {@code lectern_cache_hit_ratio} is the share
 * found since the server started. A ratio that falls after a deploy or a Redis outage is what the
 * low-hit-rate alert watches (through the counters' rates).
 */
@ApplicationScoped
public class CacheMetrics {

  /** The layer that answered a read, or {@code MISS}. */
  enum Layer {
    MEMORY,
    REDIS,
    MISS
  }

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  private final Map<Layer, Counter> counters = new EnumMap<>(Layer.class);
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /** Registers the series at start, at 0, so rates and alerts hold before the first read. */
  void start(@Observes Startup startup) {
    // the bean is created (and @PostConstruct registers) on this first use
  }

  @PostConstruct
  void init() {
    Metadata lookups =
        Metadata.builder()
            .withName("lectern_cache_lookups_total")
            .withDescription("Cache reads by the layer that answered them (memory, redis, miss)")
            .build();
    for (Layer layer : Layer.values()) {
      counters.put(layer, registry.counter(lookups, new Tag("layer", label(layer))));
    }
    registry.gauge(
        Metadata.builder()
            .withName("lectern_cache_hit_ratio")
            .withDescription("Share of cache reads found, since the server started (0-1)")
            .build(),
        this,
        CacheMetrics::hitRatio);
  }

  void answered(Layer layer) {
    counters.get(layer).inc();
    (layer == Layer.MISS ? misses : hits).increment();
  }

  long hits() {
    return hits.sum();
  }

  long misses() {
    return misses.sum();
  }

  double hitRatio() {
    long hit = hits.sum();
    long total = hit + misses.sum();
    return total == 0 ? 0 : (double) hit / total;
  }

  private static String label(Layer layer) {
    return layer.name().toLowerCase(java.util.Locale.ROOT);
  }
}
