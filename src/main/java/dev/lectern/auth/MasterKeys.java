package dev.lectern.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master key in force ({@code LECTERN_MASTER_KEY}) and, while a rotation rolls through the
 * replicas, the one before it ({@code LECTERN_MASTER_KEY_PREVIOUS}): new secrets are sealed under
 * the current key, stored ones open under either, until they are resealed and the previous key can
 * go.
 */
final class MasterKeys {

  private final MasterKeyCipher current;
  private final Optional<MasterKeyCipher> previous;

  /** The keys the configuration names, for one purpose. */
  static MasterKeys of(AuthConfig config, String purpose) {
    return new MasterKeys(config.masterKey().orElseThrow(), config.previousMasterKey(), purpose);
  }

  MasterKeys(String current, Optional<String> previous, String purpose) {
    this.current = new MasterKeyCipher(current, purpose);
    this.previous = previous.map(key -> new MasterKeyCipher(key, purpose));
  }

  byte[] encrypt(byte[] plaintext) {
    return current.encrypt(plaintext);
  }

  /** Opens an envelope sealed under either key; throws when neither opens it. */
  byte[] decrypt(byte[] envelope) throws GeneralSecurityException {
    try {
      return current.decrypt(envelope);
    } catch (GeneralSecurityException e) {
      if (previous.isEmpty()) {
        throw e;
      }
      return previous.get().decrypt(envelope);
    }
  }

  /** Which key opens the envelope. */
  Sealing sealing(byte[] envelope) {
    try {
      current.decrypt(envelope);
      return Sealing.CURRENT;
    } catch (GeneralSecurityException e) {
      try {
        if (previous.isPresent()) {
          previous.get().decrypt(envelope);
          return Sealing.PREVIOUS;
        }
      } catch (GeneralSecurityException ignored) {
        // neither key: unreadable
      }
      return Sealing.UNREADABLE;
    }
  }

  enum Sealing {
    CURRENT,
    PREVIOUS,
    UNREADABLE
  }

  /**
   * A short public name of a master key, to tell two keys apart in status and logs: an HMAC of a
   * fixed label under the key, which says nothing about the key itself.
   */
  static String idOf(String masterKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(masterKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] id = mac.doFinal("lectern/master-key-id".getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(id, 0, 6);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
