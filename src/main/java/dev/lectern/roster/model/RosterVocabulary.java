package dev.lectern.roster.model;

import java.util.Set;

/**
 * The OneRoster 1.2 vocabularies (enumerated values), in one place for the admin API's checks and
 * the CSV import's.
 */
public final class RosterVocabulary {

  private RosterVocabulary() {}

  public static final Set<String> STATUSES = Set.of("active", "tobedeleted");
  public static final Set<String> ORG_TYPES =
      Set.of("department", "district", "local", "national", "school", "state");
  public static final Set<String> SESSION_TYPES =
      Set.of("gradingPeriod", "semester", "schoolYear", "term");
  public static final Set<String> CLASS_TYPES = Set.of("homeroom", "scheduled");
  public static final Set<String> ROLE_TYPES = Set.of("primary", "secondary");
  public static final Set<String> USER_ROLES =
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
  public static final Set<String> ENROLLMENT_ROLES =
      Set.of("administrator", "proctor", "student", "teacher");
  public static final Set<String> SEXES = Set.of("male", "female", "other", "unspecified");

  /** A user role of the vocabulary, or an extension ({@code ext:...}). */
  public static boolean isUserRole(String role) {
    return USER_ROLES.contains(role) || role.startsWith("ext:");
  }
}
