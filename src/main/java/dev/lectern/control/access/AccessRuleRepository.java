package dev.lectern.control.access;

import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.db.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code access_rule} table. */
@ApplicationScoped
public class AccessRuleRepository {

  private static final String COLUMNS = "id, cidr, reason, created_at, created_by";

  @Inject Jdbc jdbc;

  public List<AccessRule> all() {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM access_rule ORDER BY id", AccessRuleRepository::map);
  }

  /** Inserts the rule; empty when that range is denied already. */
  public Optional<AccessRule> insert(String cidr, String reason, String by) {
    return jdbc.first(
        "INSERT INTO access_rule (cidr, reason, created_by) VALUES (?, ?, ?)"
            + " ON CONFLICT (cidr) DO NOTHING RETURNING "
            + COLUMNS,
        AccessRuleRepository::map,
        cidr,
        reason,
        by);
  }

  /** Deletes the rule; empty when there is none of that id. */
  public Optional<AccessRule> delete(long id) {
    return jdbc.first(
        "DELETE FROM access_rule WHERE id = ? RETURNING " + COLUMNS, AccessRuleRepository::map, id);
  }

  private static AccessRule map(ResultSet row) throws SQLException {
    return new AccessRule(
        row.getLong(1),
        row.getString(2),
        row.getString(3),
        SqlTimes.instant(row.getObject(4)),
        row.getString(5));
  }
}
