package dev.lectern.control.jobs;

import dev.lectern.platform.config.ServerDirectories;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Liberty's job log files older than {@code JOB_RETENTION_DAYS}. Each replica writes the logs of
 * the jobs it ran into its own log directory ({@code joblogs/<job>/<yyyy-MM-dd>/...}), where the
 * cluster-wide retention sweep cannot reach, so each replica prunes its own: at start, then daily,
 * by the day directories Liberty names them by.
 */
@ApplicationScoped
public class JobLogPrune {

  private static final Logger LOG = Logger.getLogger(JobLogPrune.class.getName());

  @Inject JobConfig config;
  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> task;

  void start(@Observes Startup startup) {
    Optional<Path> root = jobLogRoot();
    if (root.isEmpty()) {
      LOG.warning("Job logs: Liberty's log directory is unknown here; they are not pruned");
      return;
    }
    task =
        scheduler.scheduleWithFixedDelay(
            () -> pruneQuietly(root.get()), 1, 24 * 60, TimeUnit.MINUTES);
  }

  /** Where Liberty writes job logs: {@code joblogs} in its log directory. */
  static Optional<Path> jobLogRoot() {
    return ServerDirectories.logs().map(dir -> dir.resolve("joblogs"));
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }

  /** Never throws: an exception would end the daily schedule for good. */
  private void pruneQuietly(Path root) {
    // Liberty names the day directories by its own clock's date.
    LocalDate cutoff = LocalDate.now(ZoneId.systemDefault()).minusDays(config.retentionDays());
    try {
      int removed = prune(root, cutoff);
      if (removed > 0) {
        LOG.info("Job logs: " + removed + " days before " + cutoff + " deleted from " + root);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Job logs under " + root + " not pruned; tried again tomorrow", e);
    }
  }

  /**
   * Deletes the day directories of every job under {@code root} that are older than {@code cutoff};
   * anything not named like a day is left alone. Answers how many went.
   */
  static int prune(Path root, LocalDate cutoff) {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    int removed = 0;
    for (Path job : children(root)) {
      for (Path day : children(job)) {
        if (olderThan(day, cutoff)) {
          deleteTree(day);
          removed++;
        }
      }
    }
    return removed;
  }

  /** A day directory ({@code 2026-11-03}, or an overflow one like {@code 2026-11-03_2}). */
  private static boolean olderThan(Path day, LocalDate cutoff) {
    String name = day.getFileName().toString();
    if (!Files.isDirectory(day, LinkOption.NOFOLLOW_LINKS)
        || name.length() < 10
        || !(name.length() == 10 || name.charAt(10) == '_')) {
      return false;
    }
    try {
      return LocalDate.parse(name.substring(0, 10)).isBefore(cutoff);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Real directories only: a link is never followed out of the log directory. */
  private static List<Path> children(Path dir) {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
