package dev.lectern.roster.query;

import dev.lectern.roster.model.RosterType;
import java.util.Optional;

/**
 * What one endpoint shows: a type, narrowed by a condition (the schools among orgs, the students of
 * a class), and the envelope key it answers with.
 */
public record RosterView(RosterType type, Optional<SqlFragment> condition, String envelope) {

  public static RosterView all(RosterType type) {
    return new RosterView(type, Optional.empty(), type.plural());
  }

  public static RosterView where(RosterType type, String sql, Object... parameters) {
    return new RosterView(type, Optional.of(SqlFragment.of(sql, parameters)), type.plural());
  }
}
