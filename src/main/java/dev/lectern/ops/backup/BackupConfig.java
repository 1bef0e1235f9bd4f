package dev.lectern.ops.backup;

import dev.lectern.ops.backup.archive.Keyring;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of backups; see docs/configuration.md. */
@ApplicationScoped
public class BackupConfig {

  @Inject
  @ConfigProperty(name = "BACKUP_DIR", defaultValue = "backups")
  String dir;

  @Inject
  @ConfigProperty(name = "BACKUP_ENCRYPTION_KEYS")
  Optional<String> encryptionKeys;

  @Inject
  @ConfigProperty(name = "BACKUP_WORKERS", defaultValue = "2")
  int workers;

  @Inject
  @ConfigProperty(name = "BACKUP_COMPRESSION_LEVEL", defaultValue = "4")
  int compressionLevel;

  @Inject
  @ConfigProperty(name = "BACKUP_VERIFY_WAIT_SECONDS", defaultValue = "120")
  int verifyWaitSeconds;

  @Inject
  @ConfigProperty(name = "RESTORE_SWAP_LOCK_TIMEOUT_SECONDS", defaultValue = "30")
  int swapLockTimeoutSeconds;

  @Inject
  @ConfigProperty(name = "BACKUP_SCHEDULE", defaultValue = "0 0 2 * * *")
  String backupSchedule;

  @Inject
  @ConfigProperty(name = "DRILL_SCHEDULE", defaultValue = "0 0 4 * * Sun")
  String drillSchedule;

  @Inject
  @ConfigProperty(name = "BACKUP_RETENTION_SCHEDULE", defaultValue = "0 30 3 * * *")
  String retentionSchedule;

  @Inject
  @ConfigProperty(name = "BACKUP_BEFORE_MIGRATE", defaultValue = "true")
  boolean beforeMigrate;

  @Inject
  @ConfigProperty(name = "BACKUP_RETENTION_DAILY", defaultValue = "7")
  int retainDaily;

  @Inject
  @ConfigProperty(name = "BACKUP_RETENTION_WEEKLY", defaultValue = "4")
  int retainWeekly;

  @Inject
  @ConfigProperty(name = "BACKUP_RETENTION_MONTHLY", defaultValue = "6")
  int retainMonthly;

  @Inject
  @ConfigProperty(name = "BACKUP_RETENTION_MANUAL", defaultValue = "10")
  int retainManual;

  @Inject
  @ConfigProperty(name = "DRILL_RETENTION_DAYS", defaultValue = "365")
  int drillRetentionDays;

  private volatile Keyring keyring;
  private volatile String keyringProblem;

  @PostConstruct
  void init() {
    try {
      keyring = Keyring.parse(encryptionKeys.orElse(""));
    } catch (IllegalArgumentException e) {
      keyring = Keyring.empty();
      keyringProblem = e.getMessage();
    }
  }

  /** The shared directory every replica reads and writes: the catalogue of archives. */
  public Path dir() {
    return Path.of(dir).toAbsolutePath();
  }

  /** The keys; a malformed setting fails every backup with its reason rather than the boot. */
  public Keyring keyring() {
    if (keyringProblem != null) {
      throw new IllegalStateException(keyringProblem);
    }
    return keyring;
  }

  int workers() {
    return Math.max(1, Math.min(8, workers));
  }

  int compressionLevel() {
    return Math.max(1, Math.min(9, compressionLevel));
  }

  /** How long the swap waits for readers to let go of the roster tables before failing. */
  int swapLockTimeoutSeconds() {
    return Math.max(1, swapLockTimeoutSeconds);
  }

  int verifyWaitSeconds() {
    return Math.max(0, verifyWaitSeconds);
  }

  /** Cron expressions of the backup, drill and retention timers, by setting name. */
  String backupSchedule() {
    return backupSchedule;
  }

  String drillSchedule() {
    return drillSchedule;
  }

  String retentionSchedule() {
    return retentionSchedule;
  }

  /** Whether a database that holds data is backed up before pending migrations run. */
  boolean backupBeforeMigrate() {
    return beforeMigrate;
  }

  /** How many daily, weekly, monthly and manual archives retention keeps. */
  RetentionPolicy retentionPolicy(java.time.ZoneId zone) {
    return new RetentionPolicy(retainDaily, retainWeekly, retainMonthly, retainManual, zone);
  }

  /** Days a restore drill's record is kept. */
  int drillRetentionDays() {
    return Math.max(1, drillRetentionDays);
  }
}
