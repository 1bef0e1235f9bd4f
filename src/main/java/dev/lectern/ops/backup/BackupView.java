package dev.lectern.ops.backup;

import dev.lectern.ops.backup.archive.ArchiveManifest;
import java.time.Instant;
import java.util.List;

/** A backup as the API shows it; {@code tables} only in the single-backup view. */
public record BackupView(
    String id,
    String file,
    Instant created,
    long size,
    Long rows,
    Double durationSeconds,
    boolean encrypted,
    String keyId,
    Boolean verified,
    Instant verifiedAt,
    List<String> verifyProblems,
    String trigger,
    String schemaVersion,
    String lecternVersion,
    String problem,
    List<ArchiveManifest.Table> tables) {

  static BackupView of(BackupEntry entry, boolean withTables) {
    ArchiveManifest m = entry.manifest();
    return new BackupView(
        entry.id(),
        entry.file(),
        entry.created(),
        entry.bytes(),
        m == null ? null : m.rows(),
        m == null ? null : m.dumpMillis() / 1000.0,
        m == null
            ? entry.problem() != null && entry.problem().contains("encrypted")
            : m.encrypted(),
        m == null ? null : m.keyId(),
        entry.verified(),
        entry.verifiedAt(),
        entry.verifyProblems(),
        entry.trigger(),
        m == null ? null : m.schemaVersion(),
        m == null ? null : m.lecternVersion(),
        entry.problem(),
        withTables && m != null ? m.tables() : null);
  }
}
