package dev.lectern.platform.db;

/**
 * Every PostgreSQL advisory-lock id Lectern takes, in one place: two kinds of work sharing an id
 * would wait for each other for no reason, or worse, believe they exclude each other when they do
 * not. The ids are part of the running cluster's protocol (replicas of two versions run side by
 * side during a rolling upgrade): never renumber one, never reuse a retired one.
 */
public enum AdvisoryLock {
  /** Creating the first admin account from {@code LECTERN_ADMIN_PASSWORD}. */
  FIRST_ADMIN(0x4c45_0001L),
  /** Creating and rotating the token signing keys. */
  SIGNING_KEYS(0x4c45_0002L),
  /** Loading the development demo roster. */
  DEMO_DATA(0x4c45_0003L),
  /** Creating or changing the persistent backup timers. */
  BACKUP_TIMERS(0x4c45_0004L),
  /** Schema migrations and the hooks that run before them, held across the whole migration. */
  SCHEMA_MIGRATION(0x4c45_0005L),
  /** Creating or changing the persistent timer of the retention sweep. */
  RETENTION_TIMER(0x4c45_0006L),
  /** Claiming queued jobs, so replicas never exceed a job type's concurrency. */
  JOB_CLAIM(0x4c45_0010L),
  /** Queuing a job, so a check for conflicting jobs and the insert that follows are one step. */
  JOB_SUBMIT(0x4c45_0011L);

  private final long id;

  AdvisoryLock(long id) {
    this.id = id;
  }

  /** The number passed to {@code pg_advisory_lock} and its kin. */
  public long id() {
    return id;
  }
}
