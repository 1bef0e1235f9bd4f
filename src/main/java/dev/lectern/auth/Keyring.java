package dev.lectern.auth;

import java.security.PrivateKey;
import java.util.Optional;

/**
 * What this replica signs and publishes, as loaded from the database. Immutable, swapped whole when
 * keys change. {@code problem} explains why no key can sign (no master key, wrong key).
 */
record Keyring(Optional<Signer> signer, String jwksJson, String problem) {

  /** The active key: its id goes in the token header, the private key signs. */
  record Signer(String kid, PrivateKey privateKey) {}

  static Keyring unavailable(String problem) {
    return new Keyring(Optional.empty(), "{\"keys\":[]}", problem);
  }
}
