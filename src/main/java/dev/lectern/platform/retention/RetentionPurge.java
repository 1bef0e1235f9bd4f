package dev.lectern.platform.retention;

import java.util.Optional;

/**
 * One kind of record that is deleted once it is old enough, implemented by the package that owns
 * its table, so the SQL stays with the table and the sweep needs to know none of them.
 */
public interface RetentionPurge {

  /** A short stable name, as the API, the job's counts and the metric label show it. */
  String category();

  /** What is kept, in words an operator reads, naming the setting that decides it. */
  String keeps();

  /** How many records a sweep would delete now. */
  long count();

  /** Deletes them, in the batches given; answers how many went. */
  long purge(PurgeBatches batches);

  /**
   * The setting that schedules a category swept on a timer of its own (backups); empty for the
   * categories the retention sweep runs.
   */
  default Optional<String> ownSchedule() {
    return Optional.empty();
  }
}
