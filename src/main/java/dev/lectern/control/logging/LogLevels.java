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
  private volatile List<LogLevelOverride> overrides = List.of();
  private ScheduledFuture<?> task;
  private int ticks;

  /** Registers {@code lectern_log_level_overrides} (in force now) when the bean is created. */
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
    overrides = List.of();
    apply();
  }

  /** Synchronized: a read that began before a newer one must not be the last to apply. */
  synchronized void reload() {
    overrides = repository.all();
    apply();
    LOG.fine(() -> "Log level overrides in force: " + overrides.size());
  }

  private synchronized int inForce() {
    return originals.size();
  }

  /** The overrides in force: those whose time is not up. */
  public List<LogLevelOverride> overrides() {
    Instant now = Instant.now();
    return overrides.stream().filter(o -> o.revertAt().isAfter(now)).toList();
  }

  /** The level each named logger has here, its parents' when it has none of its own. */
  public Map<String, String> effectiveLevels(List<String> loggers) {
    Map<String, String> levels = new LinkedHashMap<>();
    for (String name : loggers) {
      Logger logger = Logger.getLogger(name);
      while (logger.getLevel() == null && logger.getParent() != null) {
        logger = logger.getParent();
      }
      levels.put(name, logger.getLevel() == null ? null : logger.getLevel().getName());
    }
    return levels;
  }

  private void tick() {
    try {
      if (++ticks % TICKS_PER_EXPIRY_SWEEP == 0 && !changes.expire().isEmpty()) {
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
   */
  private void apply() {
    Instant now = Instant.now();
    Map<String, Level> wanted = new HashMap<>();
    for (LogLevelOverride override : overrides) {
      if (override.revertAt().isAfter(now)) {
        wanted.put(override.logger(), Level.parse(override.level()));
        held.computeIfAbsent(override.logger(), Logger::getLogger);
      }
    }
    Map<String, Level> matched = new HashMap<>();
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
            logger.addHandler(relay);
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
              Logger logger = held.remove(name);
              if (logger != null) {
                logger.setLevel(originals.get(name));
              }
              return true;
            });
    held.keySet().removeIf(name -> !matched.containsKey(name) && !wanted.containsKey(name));
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
