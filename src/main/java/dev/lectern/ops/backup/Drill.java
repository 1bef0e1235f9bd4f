package dev.lectern.ops.backup;

import java.time.Instant;
import java.util.UUID;

/** A restore drill; {@code result} is null while it runs, then SUCCESS or FAILED. */
public record Drill(
    UUID id,
    String backupId,
    Instant startedAt,
    Instant finishedAt,
    String result,
    String reason,
    Integer tables,
    Long rows,
    Long durationMillis) {

  public static final String SUCCESS = "SUCCESS";
  public static final String FAILED = "FAILED";
}
