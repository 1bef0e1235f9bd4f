package dev.lectern.roster.query;

import dev.lectern.platform.db.Jdbc;
import dev.lectern.roster.model.RosterType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which records belong to a school, a class or a user, by sourcedId and type: what a partial
 * restore brings back and what support staff ask about. A school holds itself, its courses, its
 * classes, their enrollments and the users enrolled; a class holds itself and its enrollments with
 * their users; a user holds itself, their enrollments and their demographics.
 */
@ApplicationScoped
public class RosterRelationships {

  /** The scope a relationship starts from. */
  public enum Scope {
    SCHOOL,
    CLASS,
    USER
  }

  private record Member(RosterType type, String sql) {}

  private static final Map<Scope, List<Member>> MEMBERS =
      Map.of(
          Scope.SCHOOL,
          List.of(
              new Member(RosterType.ORG, "SELECT sourced_id FROM roster_org WHERE sourced_id = ?1"),
              new Member(
                  RosterType.COURSE,
                  "SELECT sourced_id FROM roster_course WHERE org_sourced_id = ?1 UNION"
                      + " SELECT course_sourced_id FROM roster_class WHERE school_sourced_id = ?1"),
              new Member(
                  RosterType.CLASS,
                  "SELECT sourced_id FROM roster_class WHERE school_sourced_id = ?1"),
              new Member(
                  RosterType.ENROLLMENT,
                  "SELECT e.sourced_id FROM roster_enrollment e JOIN roster_class c"
                      + " ON c.sourced_id = e.class_sourced_id WHERE c.school_sourced_id = ?1"),
              new Member(
                  RosterType.USER,
                  "SELECT DISTINCT e.user_sourced_id FROM roster_enrollment e JOIN roster_class c"
                      + " ON c.sourced_id = e.class_sourced_id WHERE c.school_sourced_id = ?1")),
          Scope.CLASS,
          List.of(
              new Member(
                  RosterType.CLASS, "SELECT sourced_id FROM roster_class WHERE sourced_id = ?1"),
              new Member(
                  RosterType.ENROLLMENT,
                  "SELECT sourced_id FROM roster_enrollment WHERE class_sourced_id = ?1"),
              new Member(
                  RosterType.USER,
                  "SELECT DISTINCT user_sourced_id FROM roster_enrollment WHERE class_sourced_id = ?1")),
          Scope.USER,
          List.of(
              new Member(
                  RosterType.USER, "SELECT sourced_id FROM roster_user WHERE sourced_id = ?1"),
              new Member(
                  RosterType.ENROLLMENT,
                  "SELECT sourced_id FROM roster_enrollment WHERE user_sourced_id = ?1"),
              new Member(
                  RosterType.DEMOGRAPHICS,
                  "SELECT sourced_id FROM roster_demographics WHERE sourced_id = ?1")));

  @Inject Jdbc jdbc;

  /** Every record belonging to the scope, by type; empty when the scope's record is absent. */
  public Map<RosterType, Set<String>> of(Scope scope, String sourcedId) {
    return jdbc.withConnection(session -> of(session.connection(), scope, sourcedId));
  }

  /**
   * The same over {@code connection}, whose search path decides which roster tables are read: a
   * partial restore asks it of a backup loaded into a shadow schema.
   */
  public Map<RosterType, Set<String>> of(Connection connection, Scope scope, String sourcedId)
      throws SQLException {
    Map<RosterType, Set<String>> related = new EnumMap<>(RosterType.class);
    for (Member member : MEMBERS.get(scope)) {
      Set<String> ids = ids(connection, member.sql(), sourcedId);
      if (!ids.isEmpty()) {
        related.put(member.type(), ids);
      }
    }
    return related.containsKey(anchor(scope)) ? related : Map.of();
  }

  private static RosterType anchor(Scope scope) {
    return switch (scope) {
      case SCHOOL -> RosterType.ORG;
      case CLASS -> RosterType.CLASS;
      case USER -> RosterType.USER;
    };
  }

  private static Set<String> ids(Connection connection, String sql, String sourcedId)
      throws SQLException {
    String positional = sql.replace("?1", "?");
    Set<String> ids = new TreeSet<>();
    try (PreparedStatement statement = connection.prepareStatement(positional)) {
      for (int i = 1; i <= statement.getParameterMetaData().getParameterCount(); i++) {
        statement.setString(i, sourcedId);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    return ids;
  }
}
