package dev.lectern.control.maintenance;

import java.time.Instant;

/**
 * A window as the API shows it. {@code phase} is where it stands now for a reader (upcoming, active
 * or past); {@code state} is what the timers have done (a window past its start whose timer has not
 * fired yet is still scheduled).
 */
public record MaintenanceWindowView(
    long id,
    Instant start,
    Instant end,
    String mode,
    String reason,
    String notice,
    String state,
    String phase,
    Instant createdAt,
    String createdBy,
    Instant startedAt,
    Instant endedAt,
    Instant cancelledAt,
    String cancelledBy) {

  static MaintenanceWindowView of(MaintenanceWindow window) {
    return new MaintenanceWindowView(
        window.id(),
        window.start(),
        window.end(),
        window.mode().label(),
        window.reason(),
        window.notice().toString(),
        window.state().label(),
        phase(window.state()),
        window.createdAt(),
        window.createdBy(),
        window.startedAt(),
        window.endedAt(),
        window.cancelledAt(),
        window.cancelledBy());
  }

  private static String phase(MaintenanceWindow.State state) {
    return switch (state) {
      case ACTIVE -> "active";
      case ENDED, CANCELLED -> "past";
      case SCHEDULED -> "upcoming";
    };
  }
}
