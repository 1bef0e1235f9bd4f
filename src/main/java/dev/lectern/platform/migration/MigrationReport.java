package dev.lectern.platform.migration;

import java.time.Instant;
import java.util.List;

/**
 * The schema's migrations as the database records them and as this code knows them: {@code current}
 * is the version applied last, {@code newerThanCode} says the database holds a version this Lectern
 * does not know (an upgrade was rolled back without its backup).
 */
public record MigrationReport(
    String current,
    String latestKnown,
    boolean newerThanCode,
    List<Migration> pending,
    List<Migration> history) {

  /** One migration; the fields of the history are null while it is pending. */
  public record Migration(
      String version,
      String description,
      String state,
      Instant installedOn,
      String installedBy,
      Integer checksum,
      Boolean success,
      Integer executionMillis) {}
}
