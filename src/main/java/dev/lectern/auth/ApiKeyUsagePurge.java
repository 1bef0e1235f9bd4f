package dev.lectern.auth;

import dev.lectern.platform.db.Direct;
import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.retention.PurgeBatches;
import dev.lectern.platform.retention.RetentionPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Calls of API keys older than {@code API_KEY_USAGE_RETENTION_DAYS}. Each batch adds the calls it
 * deletes to the daily counts ({@code api_key_usage_daily}) in the same statement, so how much a
 * key was used is never lost, only who called when.
 */
@ApplicationScoped
public class ApiKeyUsagePurge implements RetentionPurge {

  private static final String OLD = "used_at < now() - make_interval(days => ?)";

  @Inject AuthConfig config;
  @Inject @Direct Jdbc jdbc;

  @Override
  public String category() {
    return "api-key-usage";
  }

  @Override
  public String keeps() {
    return "each API key call for "
        + config.usageRetentionDays()
        + " days (API_KEY_USAGE_RETENTION_DAYS), then counts per key, day, operation and status";
  }

  @Override
  public long count() {
    return jdbc.queryLong(
        "SELECT count(*) FROM api_key_usage WHERE " + OLD, config.usageRetentionDays());
  }

  @Override
  public long purge(PurgeBatches batches) {
    return batches.repeat(
        "WITH gone AS (DELETE FROM api_key_usage WHERE ctid = ANY (ARRAY("
            + "SELECT ctid FROM api_key_usage WHERE "
            + OLD
            + " LIMIT ?)) RETURNING api_key_id, used_at, operation, status),"
            + " counted AS (INSERT INTO api_key_usage_daily AS d"
            + " (api_key_id, day, operation, status, calls)"
            + " SELECT api_key_id, (used_at AT TIME ZONE 'UTC')::date, operation, status, count(*)"
            + " FROM gone GROUP BY 1, 2, 3, 4"
            + " ON CONFLICT (api_key_id, day, operation, status)"
            + " DO UPDATE SET calls = d.calls + EXCLUDED.calls)"
            + " SELECT count(*) FROM gone",
        session -> null,
        config.usageRetentionDays());
  }
}
