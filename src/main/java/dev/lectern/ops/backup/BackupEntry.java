package dev.lectern.ops.backup;

import dev.lectern.ops.backup.archive.ArchiveManifest;
import java.time.Instant;
import java.util.List;

/**
 * One archive of the backup directory as listings show it. {@code manifest} is null when the
 * archive cannot be opened (damaged, or encrypted with a key this server lacks: {@code problem}).
 * {@code verified} is the last verification of this exact file, null when it was never verified or
 * changed since.
 */
public record BackupEntry(
    String id,
    String file,
    long bytes,
    Instant modified,
    ArchiveManifest manifest,
    String problem,
    Boolean verified,
    Instant verifiedAt,
    List<String> verifyProblems) {

  /** When the backup was taken: the manifest's time, else the file's. */
  public Instant created() {
    return manifest != null ? manifest.createdAt() : modified;
  }

  public String trigger() {
    return manifest != null ? manifest.trigger() : "unknown";
  }
}
