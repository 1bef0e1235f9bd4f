package dev.lectern.auth;

import java.util.Locale;
import java.util.Optional;

/** Roles carried in the {@code groups} claim of access tokens. */
public enum Role {
  ADMIN,
  OPERATOR,
  TEACHER,
  STUDENT;

  /** The name used in tokens, the database and the API. */
  public String claim() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromClaim(String value) {
    for (Role role : values()) {
      if (role.claim().equals(value)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
