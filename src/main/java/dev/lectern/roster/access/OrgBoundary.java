package dev.lectern.roster.access;

import dev.lectern.roster.model.RosterType;
import dev.lectern.roster.query.SqlFragment;

/**
 * What "belongs to these orgs" means for each type: orgs themselves, users by the orgs of their
 * roles, classes by school, courses by owning org or by a class in one of the schools, enrollments
 * by their class's school, demographics by their user. Academic sessions carry no personal data and
 * are shared by the whole district.
 */
final class OrgBoundary {

  private OrgBoundary() {}

  static SqlFragment condition(RosterType type, String[] orgs) {
    return switch (type) {
      case ORG -> SqlFragment.of("t.sourced_id = ANY(?)", (Object) orgs);
      case ACADEMIC_SESSION -> SqlFragment.of("TRUE");
      case COURSE ->
          SqlFragment.of(
              "t.org_sourced_id = ANY(?) OR EXISTS (SELECT 1 FROM roster_class c"
                  + " WHERE c.course_sourced_id = t.sourced_id AND c.school_sourced_id = ANY(?))",
              orgs,
              orgs);
      case CLASS -> SqlFragment.of("t.school_sourced_id = ANY(?)", (Object) orgs);
      case USER -> SqlFragment.of("t.role_org_sourced_ids && ?::text[]", (Object) orgs);
      case ENROLLMENT ->
          SqlFragment.of(
              "EXISTS (SELECT 1 FROM roster_class c WHERE c.sourced_id = t.class_sourced_id"
                  + " AND c.school_sourced_id = ANY(?))",
              (Object) orgs);
      case DEMOGRAPHICS ->
          SqlFragment.of(
              "EXISTS (SELECT 1 FROM roster_user u WHERE u.sourced_id = t.sourced_id"
                  + " AND u.role_org_sourced_ids && ?::text[])",
              (Object) orgs);
    };
  }
}
