package dev.lectern.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
    if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
      return Optional.of("is one of the most common passwords");
    }
    return Optional.empty();
  }

  /** The bundled list, lower-cased; {@code #} lines are comments. */
  private static final Set<String> COMMON = load();

  private static Set<String> load() {
    try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("common-passwords.txt is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .map(l -> l.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
