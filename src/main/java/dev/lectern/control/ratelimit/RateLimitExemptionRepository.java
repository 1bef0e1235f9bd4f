package dev.lectern.control.ratelimit;

import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.db.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code rate_limit_exemption} table. */
@ApplicationScoped
public class RateLimitExemptionRepository {

  private static final String COLUMNS = "id, kind, value, tiers, reason, created_at, created_by";

  @Inject Jdbc jdbc;

  public List<RateLimitExemption> all() {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM rate_limit_exemption ORDER BY id",
        RateLimitExemptionRepository::map);
  }

  /** Inserts the exemption; empty when one of that kind and value exists. */
  public Optional<RateLimitExemption> insert(
      String kind, String value, List<String> tiers, String reason, String by) {
    return jdbc.withConnection(
        session ->
            session.first(
                "INSERT INTO rate_limit_exemption (kind, value, tiers, reason, created_by)"
                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, value) DO NOTHING RETURNING "
                    + COLUMNS,
                RateLimitExemptionRepository::map,
                kind,
                value,
                session.array("text", tiers),
                reason,
                by));
  }

  /** Deletes the exemption; empty when there is none of that id. */
  public Optional<RateLimitExemption> delete(long id) {
    return jdbc.first(
        "DELETE FROM rate_limit_exemption WHERE id = ? RETURNING " + COLUMNS,
        RateLimitExemptionRepository::map,
        id);
  }

  private static RateLimitExemption map(ResultSet row) throws SQLException {
    Array tiers = row.getArray(4);
    return new RateLimitExemption(
        row.getLong(1),
        row.getString(2),
        row.getString(3),
        Arrays.asList((String[]) tiers.getArray()),
        row.getString(5),
        SqlTimes.instant(row.getObject(6)),
        row.getString(7));
  }
}
