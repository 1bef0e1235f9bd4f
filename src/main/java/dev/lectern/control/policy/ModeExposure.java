package dev.lectern.control.policy;

/** How a resource method fares in the operating modes other than normal. */
public enum ModeExposure {
  /**
   * Answers in every mode: probes, the JWKS, signing in (an admin must be able to sign in to end a
   * maintenance), the mode itself, incident lockdown and the cache, which holds no data of its own.
   */
  ALWAYS_OPEN,
  /**
   * The admin API: open during a maintenance (that is what it is for); read-only refuses writes.
   */
  ADMINISTRATION,
  /** What consumers read and write: refused during a maintenance; read-only refuses writes. */
  SERVICE
}
