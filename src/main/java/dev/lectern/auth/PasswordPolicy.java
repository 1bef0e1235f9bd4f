package dev.lectern.auth;

import java.util.Locale;
import java.util.Optional;

/** What a new password must satisfy; the answer names the rule so the caller can fix it. */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 256;

  private PasswordPolicy() {}

  /** Returns why the password is refused, or empty when it is acceptable. */
  public static Optional<String> problem(String username, String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      return Optional.of("must be at least " + MIN_LENGTH + " characters");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("must be at most " + MAX_LENGTH + " characters");
    }
    if (username != null
        && password.toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
      return Optional.of("must not be the username");
    }
    return Optional.empty();
  }
}
