package dev.lectern.control.ratelimit;

import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.db.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code rate_limit_override} table. */
@ApplicationScoped
public class RateLimitOverrideRepository {

  /** A tier's limit set at runtime: {@code rule} as written ({@code 100/1m} or {@code off}). */
  public record Override(
      String tier, String rule, String reason, Instant updatedAt, String updatedBy) {}

  @Inject Jdbc jdbc;

  public List<Override> all() {
    return jdbc.query(
        "SELECT tier, rule, reason, updated_at, updated_by FROM rate_limit_override",
        row ->
            new Override(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                SqlTimes.instant(row.getObject(4)),
                row.getString(5)));
  }

  /** The tier's rule, its row locked until the transaction ends. */
  public Optional<String> ruleForChange(String tier) {
    return jdbc.first(
        "SELECT rule FROM rate_limit_override WHERE tier = ? FOR UPDATE",
        row -> row.getString(1),
        tier);
  }

  public void save(Override override) {
    jdbc.update(
        "INSERT INTO rate_limit_override (tier, rule, reason, updated_at, updated_by)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (tier) DO UPDATE SET rule = excluded.rule,"
            + " reason = excluded.reason, updated_at = excluded.updated_at,"
            + " updated_by = excluded.updated_by",
        override.tier(),
        override.rule(),
        override.reason(),
        override.updatedAt(),
        override.updatedBy());
  }

  public void delete(String tier) {
    jdbc.update("DELETE FROM rate_limit_override WHERE tier = ?", tier);
  }
}
