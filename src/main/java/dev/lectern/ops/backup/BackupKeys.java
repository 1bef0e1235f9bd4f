package dev.lectern.ops.backup;

import dev.lectern.ops.backup.archive.Keyring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The archive keys of {@code BACKUP_ENCRYPTION_KEYS} against the kept archives: which key seals new
 * ones, how many archives each key opens, and which keys no kept archive needs any more (the ones a
 * rotation may remove). Key ids only, never key material.
 */
@ApplicationScoped
public class BackupKeys {

  @Inject BackupConfig config;
  @Inject BackupCatalog catalog;

  /**
   * {@code archivesByKey} counts kept archives per key id; {@code unreadableArchives} are archives
   * whose manifest cannot be read (often a key no longer configured); {@code problem} is set when
   * the setting itself does not parse.
   */
  public record Status(
      String encryptsWith,
      List<String> keyIds,
      Map<String, Integer> archivesByKey,
      int unencryptedArchives,
      int unreadableArchives,
      List<String> removable,
      String problem) {}

  public Status status() {
    Keyring keyring;
    try {
      keyring = config.keyring();
    } catch (IllegalStateException e) {
      return new Status(null, List.of(), Map.of(), 0, 0, List.of(), e.getMessage());
    }
    List<BackupEntry> entries;
    try {
      entries = catalog.list();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Integer> byKey = new TreeMap<>();
    int unencrypted = 0;
    int unreadable = 0;
    for (BackupEntry entry : entries) {
      if (entry.manifest() == null) {
        unreadable++;
      } else if (entry.manifest().keyId() == null) {
        unencrypted++;
      } else {
        byKey.merge(entry.manifest().keyId(), 1, Integer::sum);
      }
    }
    List<String> ids = keyring.ids();
    List<String> removable = ids.stream().skip(1).filter(id -> !byKey.containsKey(id)).toList();
    return new Status(
        keyring.encryptingKeyId().orElse(null),
        ids,
        byKey,
        unencrypted,
        unreadable,
        removable,
        null);
  }
}
