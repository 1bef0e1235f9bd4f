package dev.lectern.control.flags;

/**
 * The flags Lectern's code reads, each a boolean whose default comes from {@code FLAG_<NAME>}
 * ({@code on} or {@code off}, see docs/configuration.md) until an admin sets it at runtime.
 */
public enum KnownFlag {
  /** Accounts can ask for a password-reset link by e-mail, and use it. */
  PASSWORD_RESET("password-reset", "Accounts can reset a forgotten password by e-mail."),
  /** CSV imports accept OneRoster 1.1 packages (1.2 packages always). */
  ONEROSTER_11_CSV("oneroster-1-1-csv", "CSV imports accept OneRoster 1.1 packages."),
  /** API clients holding the demographics scope can read demographics. */
  DEMOGRAPHICS_FOR_CLIENTS(
      "demographics-for-clients",
      "API clients holding the demographics scope can read demographics.");

  private final String key;
  private final String description;

  KnownFlag(String key, String description) {
    this.key = key;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  /** The configuration key of its default. */
  public String configKey() {
    return "FLAG_" + name();
  }
}
