package dev.lectern.ops.backup.archive;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The archive keys of {@code BACKUP_ENCRYPTION_KEYS} ({@code id:base64key,...}): the first key
 * encrypts new archives, every key decrypts, so a key is retired by moving it out of first place
 * and removed only once no kept archive needs it.
 */
public final class Keyring {

  private final Map<String, SecretKey> keys;

  private Keyring(Map<String, SecretKey> keys) {
    this.keys = keys;
  }

  public static Keyring empty() {
    return new Keyring(Map.of());
  }

  /** Parses the setting; an error names the entry, never the key material. */
  public static Keyring parse(String setting) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    if (setting == null || setting.isBlank()) {
      return new Keyring(keys);
    }
    int position = 0;
    for (String entry : setting.split(",")) {
      position++;
      String trimmed = entry.trim();
      int colon = trimmed.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "BACKUP_ENCRYPTION_KEYS entry " + position + " is not id:base64key");
      }
      String id = trimmed.substring(0, colon);
      if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
        throw new IllegalArgumentException(
            "BACKUP_ENCRYPTION_KEYS entry " + position + ": key ids use A-Z a-z 0-9 . _ -");
      }
      byte[] key;
      try {
        key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "BACKUP_ENCRYPTION_KEYS key '" + id + "' is not valid base64");
      }
      if (key.length != 32) {
        throw new IllegalArgumentException(
            "BACKUP_ENCRYPTION_KEYS key '"
                + id
                + "' must be 32 bytes (AES-256), not "
                + key.length);
      }
      if (keys.put(id, new SecretKeySpec(key, "AES")) != null) {
        throw new IllegalArgumentException("BACKUP_ENCRYPTION_KEYS names key '" + id + "' twice");
      }
    }
    return new Keyring(keys);
  }

  public boolean isEmpty() {
    return keys.isEmpty();
  }

  /** The id of the key that encrypts new archives. */
  public Optional<String> encryptingKeyId() {
    return keys.keySet().stream().findFirst();
  }

  /** Every key id, the encrypting one first. */
  public List<String> ids() {
    return List.copyOf(keys.keySet());
  }

  public Optional<SecretKey> key(String id) {
    return Optional.ofNullable(keys.get(id));
  }
}
