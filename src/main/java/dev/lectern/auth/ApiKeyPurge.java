package dev.lectern.auth;

import dev.lectern.platform.db.Direct;
import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.retention.PurgeBatches;
import dev.lectern.platform.retention.RetentionPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * API keys revoked or expired more than {@code API_KEY_RETENTION_DAYS} ago, with their calls and
 * daily counts: such a key can never authenticate again, and its record says no more than the audit
 * log does.
 */
@ApplicationScoped
public class ApiKeyPurge implements RetentionPurge {

  private static final String GONE =
      "coalesce(revoked_at, expires_at) < now() - make_interval(days => ?)"
          + " AND (revoked_at IS NOT NULL OR expires_at < now())";

  @Inject AuthConfig config;
  @Inject @Direct Jdbc jdbc;

  @Override
  public String category() {
    return "api-keys";
  }

  @Override
  public String keeps() {
    return "revoked and expired API keys for "
        + config.keyRetentionDays()
        + " days (API_KEY_RETENTION_DAYS), with their usage";
  }

  @Override
  public long count() {
    return jdbc.queryLong("SELECT count(*) FROM api_key WHERE " + GONE, config.keyRetentionDays());
  }

  @Override
  public long purge(PurgeBatches batches) {
    int days = config.keyRetentionDays();
    String ofGoneKeys = "api_key_id IN (SELECT id FROM api_key WHERE " + GONE + ")";
    batches.delete("api_key_usage", ofGoneKeys, days);
    batches.delete("api_key_usage_daily", ofGoneKeys, days);
    return batches.delete("api_key", GONE, days);
  }
}
