package dev.lectern.control.maintenance;

import dev.lectern.control.feed.ChangeFeed;
import dev.lectern.control.feed.ChangeNotice;
import dev.lectern.control.maintenance.MaintenanceWindow.State;
import dev.lectern.control.mode.ModeService;
import dev.lectern.control.mode.OperatingMode;
import dev.lectern.platform.db.DataAccessException;
import dev.lectern.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Plans, extends and cancels windows, and keeps this replica's copy of the open ones (for the
 * notice header and the health report), reloaded when the change feed announces a change.
 */
@ApplicationScoped
public class MaintenanceWindowService {

  /** PostgreSQL's SQLSTATE for an exclusion constraint violated: an overlap lost to a race. */
  private static final String EXCLUSION_VIOLATION = "23P01";

  @Inject MaintenanceWindowRepository repository;
  @Inject MaintenanceWindowTimer timer;
  @Inject MaintenanceTransitions transitions;
  @Inject ModeService modes;
  @Inject ChangeFeed feed;
  @Inject MaintenanceWindowService self;

  private volatile List<MaintenanceWindow> open = List.of();

  void follow(@Observes ChangeNotice notice) {
    if (notice.is(MaintenanceTransitions.TOPIC)) {
      open = repository.open();
    }
  }

  /** This replica's copy of the scheduled and active windows, soonest first. */
  List<MaintenanceWindow> openWindows() {
    return open;
  }

  /** The window clients are told about now: active, or upcoming within its notice. */
  public Optional<MaintenanceWindow> announced() {
    Instant now = Instant.now();
    return open.stream().filter(window -> window.announcedAt(now)).findFirst();
  }

  /**
   * Plans a window. The checks run before the transaction, so a refusal (422, 409) is an answer,
   * not a rolled-back transaction; the exclusion constraint still decides a race between two plans.
   */
  public MaintenanceWindow plan(
      Instant start, Instant end, OperatingMode mode, String reason, Duration notice, String by) {
    MaintenanceWindowRules.check(start, end, notice, Instant.now());
    refuseOverlap(start, end, 0);
    return overlapRefused(() -> self.store(start, end, mode, reason, notice, by));
  }

  /** The plan's writes, in one transaction: the window, its two timers, the feed. */
  @Transactional
  public MaintenanceWindow store(
      Instant start, Instant end, OperatingMode mode, String reason, Duration notice, String by) {
    MaintenanceWindow window = repository.insert(start, end, mode, reason, notice, by);
    timer.scheduleStart(window.id(), start);
    timer.scheduleEnd(window.id(), end);
    feed.publish(MaintenanceTransitions.TOPIC);
    return window;
  }

  /** Moves an open window's end later; an active window's mode lasts until the new end. */
  public MaintenanceWindow extend(long id, Instant end) {
    MaintenanceWindow window = openWindow(id);
    MaintenanceWindowRules.checkExtension(window, end);
    refuseOverlap(window.start(), end, id);
    return overlapRefused(() -> self.storeExtension(id, end)).orElseThrow(() -> notOpen(id));
  }

  /** The extension's writes; empty when the window closed meanwhile. */
  @Transactional
  public Optional<MaintenanceWindow> storeExtension(long id, Instant end) {
    Optional<MaintenanceWindow> extended = repository.extend(id, end);
    extended.ifPresent(
        window -> {
          timer.scheduleEnd(id, end);
          if (window.state() == State.ACTIVE) {
            modes.setIfHeldBy(
                window.actor(),
                window.mode(),
                "maintenance window " + id + ": " + window.reason(),
                end);
          }
          feed.publish(MaintenanceTransitions.TOPIC);
        });
    return extended;
  }

  /** Cancels a scheduled window, or ends an active one now. */
  public MaintenanceWindow cancel(long id, String by) {
    openWindow(id);
    return self.storeCancellation(id, by).orElseThrow(() -> notOpen(id));
  }

  /** The cancellation's writes; empty when the window closed meanwhile. */
  @Transactional
  public Optional<MaintenanceWindow> storeCancellation(long id, String by) {
    Optional<MaintenanceWindow> cancelled = repository.cancel(id, by);
    cancelled.ifPresent(
        window -> {
          if (window.endedAt() != null) {
            transitions.releaseMode(window, "cancelled by " + by);
          }
          feed.publish(MaintenanceTransitions.TOPIC);
        });
    return cancelled;
  }

  public Optional<MaintenanceWindow> find(long id) {
    return repository.find(id);
  }

  /** Open windows soonest first, then up to {@code pastLimit} past ones, latest first. */
  public List<MaintenanceWindow> list(int pastLimit) {
    List<MaintenanceWindow> all = new ArrayList<>(repository.open());
    all.addAll(repository.past(pastLimit));
    return all;
  }

  private MaintenanceWindow openWindow(long id) {
    MaintenanceWindow window =
        repository
            .find(id)
            .orElseThrow(
                () -> new ApiException(404, "not_found", "No maintenance window " + id + "."));
    if (!window.open()) {
      throw notOpen(id);
    }
    return window;
  }

  private void refuseOverlap(Instant start, Instant end, long id) {
    repository
        .overlapping(start, end, id)
        .ifPresent(
            other -> {
              throw overlap(other.id());
            });
  }

  private static <T> T overlapRefused(Supplier<T> write) {
    try {
      return write.get();
    } catch (DataAccessException e) {
      if (EXCLUSION_VIOLATION.equals(e.sqlState())) {
        throw overlap(0);
      }
      throw e;
    }
  }

  private static ApiException overlap(long other) {
    return new ApiException(
        409,
        "window_overlaps",
        "The window overlaps "
            + (other == 0 ? "another open window" : "maintenance window " + other)
            + "; extend or cancel that one instead.");
  }

  private static ApiException notOpen(long id) {
    return new ApiException(
        409, "window_closed", "Maintenance window " + id + " has already ended or was cancelled.");
  }
}
