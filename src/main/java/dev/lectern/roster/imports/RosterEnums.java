package dev.lectern.roster.imports;

import java.util.Set;

/** The vocabularies of the CSV binding. */
final class RosterEnums {

  private RosterEnums() {}

  static final Set<String> ORG_TYPES =
      Set.of("department", "district", "local", "national", "school", "state");
  static final Set<String> SESSION_TYPES =
      Set.of("gradingPeriod", "semester", "schoolYear", "term");
  static final Set<String> CLASS_TYPES = Set.of("homeroom", "scheduled");
  static final Set<String> ROLE_TYPES = Set.of("primary", "secondary");
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

  /** 1.1's user roles; {@code administrator} becomes 1.2's {@code siteAdministrator}. */
  static final Set<String> V11_USER_ROLES =
      Set.of(
          "administrator",
          "aide",
          "guardian",
          "parent",
          "proctor",
          "relative",
          "student",
          "teacher");

  static final Set<String> ENROLLMENT_ROLES =
      Set.of("administrator", "proctor", "student", "teacher");
  static final Set<String> SEXES = Set.of("male", "female", "other", "unspecified");
  static final Set<String> BOOLEANS = Set.of("true", "false");
  static final Set<String> STATUSES = Set.of("active", "tobedeleted");
}
