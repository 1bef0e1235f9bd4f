package dev.lectern.control.mode;

import java.util.Locale;
import java.util.Optional;

/** What Lectern accepts: everything, reads only, or only probes, metrics and admin work. */
public enum OperatingMode {
  NORMAL,
  READ_ONLY,
  MAINTENANCE;

  /** As written in the API and the database: {@code read-only}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<OperatingMode> fromLabel(String label) {
    for (OperatingMode mode : values()) {
      if (mode.label().equals(label)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
