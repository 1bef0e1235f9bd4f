package dev.lectern.control.audit;

import java.util.Locale;

/** How an audited action ended. */
public enum AuditOutcome {
  SUCCESS,
  /** Attempted and failed (a wrong password). */
  FAILURE,
  /** Refused before it was attempted (throttled, forbidden, locked down). */
  DENIED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
