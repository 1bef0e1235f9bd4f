package dev.lectern.auth;

import dev.lectern.platform.db.Direct;
import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.retention.PurgeBatches;
import dev.lectern.platform.retention.RetentionPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Password-reset tokens once used or expired: they can never be redeemed again. */
@ApplicationScoped
public class PasswordResetPurge implements RetentionPurge {

  private static final String SPENT = "used_at IS NOT NULL OR expires_at < now()";

  @Inject @Direct Jdbc jdbc;

  @Override
  public String category() {
    return "password-resets";
  }

  @Override
  public String keeps() {
    return "password-reset tokens until used or expired";
  }

  @Override
  public long count() {
    return jdbc.queryLong("SELECT count(*) FROM password_reset WHERE " + SPENT);
  }

  @Override
  public long purge(PurgeBatches batches) {
    return batches.delete("password_reset", SPENT);
  }
}
