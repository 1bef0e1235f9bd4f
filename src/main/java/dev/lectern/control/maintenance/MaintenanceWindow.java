package dev.lectern.control.maintenance;

import dev.lectern.control.mode.OperatingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** One planned window, as stored. {@code state} is what the timers have done with it so far. */
public record MaintenanceWindow(
    long id,
    Instant start,
    Instant end,
    OperatingMode mode,
    String reason,
    Duration notice,
    State state,
    Instant createdAt,
    String createdBy,
    Instant startedAt,
    Instant endedAt,
    Instant cancelledAt,
    String cancelledBy) {

  /** Where the window is in its life; the labels are the stored values. */
  public enum State {
    SCHEDULED,
    ACTIVE,
    ENDED,
    CANCELLED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    static State fromLabel(String label) {
      return valueOf(label.toUpperCase(Locale.ROOT));
    }
  }

  /** Scheduled or active: it still holds its time span against others. */
  public boolean open() {
    return state == State.SCHEDULED || state == State.ACTIVE;
  }

  /** Whether clients are told about it at {@code now}: from its notice period until its end. */
  public boolean announcedAt(Instant now) {
    return open() && !now.isBefore(start.minus(notice)) && now.isBefore(end);
  }

  /** The name the window acts under when it sets the mode. */
  public String actor() {
    return actorOf(id);
  }

  static String actorOf(long id) {
    return "maintenance-window " + id;
  }
}
