package dev.lectern.roster.write;

import dev.lectern.roster.model.RosterType;
import java.util.Map;
import java.util.Set;

/** What the OneRoster 1.2 model requires of each type: mandatory fields and enumerations. */
final class RosterRules {

  private RosterRules() {}

  static final Set<String> STATUSES = Set.of("active", "tobedeleted");

  static final Set<String> USER_ROLES =
      Set.of(
          "aide",
          "counselor",
          "districtAdministrator",
          "guardian",
          "parent",
          "principal",
          "proctor",
          "relative",
          "siteAdministrator",
          "student",
          "systemAdministrator",
          "teacher");

  static final Map<RosterType, Set<String>> REQUIRED =
      Map.of(
          RosterType.ORG, Set.of("name", "type"),
          RosterType.ACADEMIC_SESSION,
              Set.of("title", "type", "startDate", "endDate", "schoolYear"),
          RosterType.COURSE, Set.of("title", "org"),
          RosterType.CLASS, Set.of("title", "classType", "course", "school", "terms"),
          RosterType.USER, Set.of("enabledUser", "username", "givenName", "familyName", "roles"),
          RosterType.ENROLLMENT, Set.of("class", "user", "school", "role"),
          RosterType.DEMOGRAPHICS, Set.of());

  /** Allowed values of enumerated string fields, by type and field. */
  static final Map<RosterType, Map<String, Set<String>>> ENUMS =
      Map.of(
          RosterType.ORG,
          Map.of("type", Set.of("department", "district", "local", "national", "school", "state")),
          RosterType.ACADEMIC_SESSION,
          Map.of("type", Set.of("gradingPeriod", "semester", "schoolYear", "term")),
          RosterType.CLASS,
          Map.of("classType", Set.of("homeroom", "scheduled")),
          RosterType.ENROLLMENT,
          Map.of("role", Set.of("administrator", "proctor", "student", "teacher")),
          RosterType.DEMOGRAPHICS,
          Map.of("sex", Set.of("male", "female", "other", "unspecified")));

  static boolean isUserRole(String role) {
    return USER_ROLES.contains(role) || role.startsWith("ext:");
  }
}
