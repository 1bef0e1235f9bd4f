package dev.lectern.auth;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An account as the admin API shows it: never the password hash. */
public record AccountView(
    UUID id,
    String username,
    String email,
    List<String> roles,
    boolean enabled,
    Instant createdAt) {

  static AccountView of(PlatformAccount account) {
    return new AccountView(
        account.id(),
        account.username(),
        account.email(),
        account.roles().stream().sorted().toList(),
        account.enabled(),
        account.createdAt());
  }
}
