package dev.lectern.platform.config;

import dev.lectern.platform.http.PublicUrls;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * What production requires of its settings: secrets present with at least 32 bytes of key material,
 * and the public URL every link is built on. Pure, so it is unit-tested; problems name the key and
 * never contain a value.
 */
public final class SecretRules {

  /** Bytes of key material a production secret must have. */
  public static final int MIN_BYTES = 32;

  private SecretRules() {}

  /**
   * The problems of the secrets {@code lookup} finds, empty when production may start.
   *
   * @param lookup reads a configuration key, null when it is not set
   */
  public static List<String> problems(Function<String, String> lookup) {
    List<String> problems = new ArrayList<>();
    for (String key : new String[] {"LECTERN_MASTER_KEY", "DB_PASSWORD"}) {
      String value = lookup.apply(key);
      if (value == null || value.isBlank()) {
        problems.add(key + " is not set");
      } else if (value.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
        problems.add(key + " is shorter than " + MIN_BYTES + " bytes");
      }
    }
    String previous = lookup.apply("LECTERN_MASTER_KEY_PREVIOUS");
    if (previous != null && !previous.isBlank()) {
      if (previous.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
        problems.add("LECTERN_MASTER_KEY_PREVIOUS is shorter than " + MIN_BYTES + " bytes");
      } else if (previous.equals(lookup.apply("LECTERN_MASTER_KEY"))) {
        problems.add("LECTERN_MASTER_KEY_PREVIOUS is the same as LECTERN_MASTER_KEY");
      }
    }
    if ("on".equals(lookup.apply("ADMIN_CENTER"))) {
      for (String name : List.of("ADMIN_CENTER_KEYSTORE_PASSWORD", "ADMIN_CENTER_LTPA_PASSWORD")) {
        String value = lookup.apply(name);
        if (value == null || value.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
          problems.add("ADMIN_CENTER=on needs " + name + " of at least " + MIN_BYTES + " bytes");
        }
      }
    }
    String publicUrl = lookup.apply("LECTERN_PUBLIC_URL");
    if (publicUrl == null || publicUrl.isBlank()) {
      problems.add("LECTERN_PUBLIC_URL is not set (the https address clients reach Lectern at)");
    } else if (PublicUrls.normalized(publicUrl).isEmpty()) {
      problems.add(
          "LECTERN_PUBLIC_URL is not an absolute http(s) URL without query, fragment or user info");
    }
    String backupKeys = lookup.apply("BACKUP_ENCRYPTION_KEYS");
    if (backupKeys != null && !backupKeys.isBlank()) {
      int position = 0;
      for (String entry : backupKeys.split(",")) {
        position++;
        int colon = entry.indexOf(':');
        String id = colon > 0 ? entry.substring(0, colon).strip() : "#" + position;
        // AES-256: exactly 32 bytes, as the archive keyring requires.
        if (colon <= 0 || decodedLength(entry.substring(colon + 1).strip()) != MIN_BYTES) {
          problems.add(
              "BACKUP_ENCRYPTION_KEYS key "
                  + id
                  + " is not id:base64 of a "
                  + MIN_BYTES
                  + "-byte key");
        }
      }
    }
    return problems;
  }

  private static int decodedLength(String base64) {
    try {
      return Base64.getDecoder().decode(base64).length;
    } catch (IllegalArgumentException e) {
      return 0;
    }
  }
}
