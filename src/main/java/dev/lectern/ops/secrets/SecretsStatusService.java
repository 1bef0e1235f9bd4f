package dev.lectern.ops.secrets;

import dev.lectern.auth.MasterKeyRotation;
import dev.lectern.auth.SigningKeyService;
import dev.lectern.ops.backup.BackupKeys;
import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.db.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/** Gathers each secret's standing from the package that owns it. */
@ApplicationScoped
public class SecretsStatusService {

  @Inject SigningKeyService signingKeys;
  @Inject MasterKeyRotation masterKeys;
  @Inject BackupKeys backupKeys;
  @Inject Jdbc jdbc;

  public SecretsStatus status() {
    SecretsStatus.SigningKey active =
        signingKeys.all().stream()
            .filter(key -> key.state().equals("active"))
            .findFirst()
            .map(
                key ->
                    new SecretsStatus.SigningKey(
                        key.kid(),
                        key.activatedAt(),
                        key.activatedAt() == null
                            ? null
                            : Duration.between(key.activatedAt(), Instant.now()).toDays()))
            .orElse(new SecretsStatus.SigningKey(null, null, null));
    return new SecretsStatus(masterKeys.masterKeyStatus(), active, backupKeys.status(), database());
  }

  private SecretsStatus.Database database() {
    return jdbc.first(
            "SELECT rolname, rolvaliduntil FROM pg_roles WHERE rolname = session_user",
            row -> new SecretsStatus.Database(row.getString(1), SqlTimes.instant(row.getObject(2))))
        .orElse(new SecretsStatus.Database(null, null));
  }
}
