package dev.lectern.roster.imports;

import java.util.Set;

/** Vocabularies of the CSV binding that the roster model does not have. */
final class RosterEnums {

  private RosterEnums() {}

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

  /** Demographics flags are the strings true and false. */
  static final Set<String> BOOLEANS = Set.of("true", "false");
}
