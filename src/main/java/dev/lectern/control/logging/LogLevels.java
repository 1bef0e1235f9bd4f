package dev.lectern.control.logging;

import dev.lectern.control.feed.ChangeNotice;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * This replica's side of runtime log levels: applies the overrides in force (loaded when the change
 * feed announces them, and at start), and every second puts back the level a logger had once its
 * override's time is up, and sets again a level Liberty reset (it does on a trace-specification
 * change). An override covers the loggers below its own name too; their records below INFO reach
 * the log through {@link BelowInfoRelay}. Holds each changed logger, since the JDK keeps loggers
 * only weakly.
 */
@ApplicationScoped
public class LogLevels {

  private static final Logger LOG = Logger.getLogger(LogLevels.class.getName());
  private static final int TICKS_PER_EXPIRY_SWEEP = 5;

  @Inject LogLevelRepository repository;
  @Inject LogLevelChanges changes;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  private final Map<String, Logger> held = new HashMap<>();
  private final Map<String, Level> originals = new HashMap<>();
  private final BelowInfoRelay relay = new BelowInfoRelay();
  private final Map<String, Logger> relayed = new HashMap<>();
  private volatile boolean stopped;
  private volatile List<LogLevelOverride> overrides = List.of();
  private ScheduledFuture<?> task;
  private int ticks;

  /** Registers {@code lectern_log_level_overrides} (overrides in force) when the bean is made. */
  @PostConstruct
  void register() {
    registry.gauge(
        Metadata.builder()
            .withName("lectern_log_level_overrides")
            .withDescription("Log level overrides in force on this replica")
            .build(),
        this,
        levels -> levels.inForce());
  }

  void follow(@Observes ChangeNotice notice) {
    if (notice.is(LogLevelChanges.SETTING.topic())) {
      reload();
      synchronized (this) {
        if (task == null) {
          task = scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        }
      }
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (task != null) {
      task.cancel(false);
    }
    stopped = true;
    apply();
  }

  /** Synchronized: a read that began before a newer one must not be the last to apply. */
  synchronized void reload() {
    if (stopped) {
      return;
    }
    overrides = repository.all();
    apply();
    LOG.fine(() -> "Log level overrides in force: " + overrides.size());
  }

  private int inForce() {
    return overrides().size();
  }

  /** The overrides in force: those whose time is not up. */
  public List<LogLevelOverride> overrides() {
    Instant now = Instant.now();
    return overrides.stream().filter(o -> o.revertAt().isAfter(now)).toList();
  }

  /**
   * The level each named logger has here, its nearest ancestor's when it has none of its own or
   * does not exist; looked up without creating a logger, since the JDK never forgets one.
   */
  public Map<String, String> effectiveLevels(List<String> loggers) {
    LogManager manager = LogManager.getLogManager();
    Map<String, String> levels = new LinkedHashMap<>();
    for (String name : loggers) {
      String candidate = name;
      Level level = null;
      while (level == null && candidate != null) {
        Logger logger = manager.getLogger(candidate);
        level = logger == null ? null : logger.getLevel();
        int dot = candidate.lastIndexOf('.');
        candidate = candidate.isEmpty() ? null : dot < 0 ? "" : candidate.substring(0, dot);
      }
      levels.put(name, level == null ? null : level.getName());
    }
    return levels;
  }

  private void tick() {
    try {
      if (++ticks % TICKS_PER_EXPIRY_SWEEP == 0 && !stopped && !changes.expire().isEmpty()) {
        reload();
      } else {
        synchronized (this) {
          apply();
        }
      }
    } catch (RuntimeException e) {
      LOG.fine(() -> "Log level sweep skipped, next in 1 s: " + e);
    }
  }

  /**
   * Sets every override whose time is not up on its logger and on every logger below it (Liberty
   * gives each logger a level of its own, so none inherits); puts every other changed logger back.
   * The relay sits on each outermost overridden logger only: records travel up to it, once.
   */
  private void apply() {
    Instant now = Instant.now();
    Map<String, Level> wanted = new HashMap<>();
    for (LogLevelOverride override : stopped ? List.<LogLevelOverride>of() : overrides) {
      if (override.revertAt().isAfter(now)) {
        wanted.put(override.logger(), Level.parse(override.level()));
      }
    }
    Map<String, Level> matched = new HashMap<>(wanted);
    if (!wanted.isEmpty()) {
      for (String name : Collections.list(LogManager.getLogManager().getLoggerNames())) {
        levelFor(name, wanted).ifPresent(level -> matched.put(name, level));
      }
    }
    matched.forEach(
        (name, level) -> {
          Logger logger = held.computeIfAbsent(name, Logger::getLogger);
          if (!originals.containsKey(name)) {
            originals.put(name, logger.getLevel());
          }
          if (!level.equals(logger.getLevel())) {
            logger.setLevel(level);
          }
        });
    originals
        .keySet()
        .removeIf(
            name -> {
              if (matched.containsKey(name)) {
                return false;
              }
              held.get(name).setLevel(originals.get(name));
              return true;
            });
    relayed
        .entrySet()
        .removeIf(
            entry -> {
              if (outermost(entry.getKey(), wanted)) {
                return false;
              }
              entry.getValue().removeHandler(relay);
              return true;
            });
    for (String name : wanted.keySet()) {
      if (outermost(name, wanted) && !relayed.containsKey(name)) {
        Logger logger = held.get(name);
        logger.addHandler(relay);
        relayed.put(name, logger);
      }
    }
    held.keySet().removeIf(name -> !matched.containsKey(name));
  }

  /** Whether the logger is overridden and none of the loggers above it is. */
  private static boolean outermost(String name, Map<String, Level> wanted) {
    if (!wanted.containsKey(name)) {
      return false;
    }
    int dot = name.lastIndexOf('.');
    return dot < 0 || levelFor(name.substring(0, dot), wanted).isEmpty();
  }

  /** The level of the most specific override covering the logger, if any does. */
  static Optional<Level> levelFor(String logger, Map<String, Level> wanted) {
    String name = logger;
    while (true) {
      Level level = wanted.get(name);
      if (level != null) {
        return Optional.of(level);
      }
      int dot = name.lastIndexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      name = name.substring(0, dot);
    }
  }
}
