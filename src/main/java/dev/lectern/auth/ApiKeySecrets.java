package dev.lectern.auth;

import dev.lectern.platform.config.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Client ids and secrets of API keys. A secret is 32 random bytes, so a plain SHA-256 is enough to
 * store it (nobody can guess it, unlike a person's password) and keeps every token request cheap;
 * the comparison is constant-time.
 */
final class ApiKeySecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeySecrets() {}

  static String newClientId() {
    return "lk_" + random(15);
  }

  static String newSecret() {
    return random(32);
  }

  static String hash(String secret) {
    return "sha256:" + Sha256.hex(secret);
  }

  static boolean matches(String secret, String storedHash) {
    return secret != null
        && MessageDigest.isEqual(
            hash(secret).getBytes(StandardCharsets.US_ASCII),
            storedHash.getBytes(StandardCharsets.US_ASCII));
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}
