package dev.lectern.roster.write;

import dev.lectern.roster.model.RosterType;
import dev.lectern.roster.model.RosterVocabulary;
import java.util.Map;
import java.util.Set;

/** What the OneRoster 1.2 model requires of each type: mandatory fields and enumerations. */
final class RosterRules {

  private RosterRules() {}

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
          Map.of("type", RosterVocabulary.ORG_TYPES),
          RosterType.ACADEMIC_SESSION,
          Map.of("type", RosterVocabulary.SESSION_TYPES),
          RosterType.CLASS,
          Map.of("classType", RosterVocabulary.CLASS_TYPES),
          RosterType.ENROLLMENT,
          Map.of("role", RosterVocabulary.ENROLLMENT_ROLES),
          RosterType.DEMOGRAPHICS,
          Map.of("sex", RosterVocabulary.SEXES));
}
