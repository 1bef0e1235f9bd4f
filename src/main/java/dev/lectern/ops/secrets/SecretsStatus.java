package dev.lectern.ops.secrets;

import dev.lectern.auth.MasterKeyStatus;
import dev.lectern.ops.backup.BackupKeys;
import java.time.Instant;

/** What {@code GET /api/v1/admin/secrets/status} answers. */
public record SecretsStatus(
    MasterKeyStatus masterKey,
    SigningKey signingKey,
    BackupKeys.Status backupEncryption,
    Database database) {

  /** The key that signs tokens now, and since when. */
  public record SigningKey(String kid, Instant activatedAt, Long ageDays) {}

  /**
   * The role Lectern logs in as (the session user, whatever role it then acts as), and when
   * PostgreSQL stops accepting its password (if ever).
   */
  public record Database(String user, Instant passwordValidUntil) {}
}
