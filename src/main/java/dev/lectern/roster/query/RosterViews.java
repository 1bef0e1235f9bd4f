package dev.lectern.roster.query;

import static dev.lectern.roster.model.RosterType.ACADEMIC_SESSION;
import static dev.lectern.roster.model.RosterType.CLASS;
import static dev.lectern.roster.model.RosterType.COURSE;
import static dev.lectern.roster.model.RosterType.ENROLLMENT;
import static dev.lectern.roster.model.RosterType.ORG;
import static dev.lectern.roster.model.RosterType.USER;

/**
 * The narrowed views behind the OneRoster routes: which rows {@code /schools}, {@code
 * /classes/{id}/students} and the others show. Relationships through enrollments count only active
 * enrollments.
 */
public final class RosterViews {

  private RosterViews() {}

  public static RosterView schools() {
    return RosterView.where(ORG, "t.type = 'school'");
  }

  public static RosterView terms() {
    return RosterView.where(ACADEMIC_SESSION, "t.type = 'term'");
  }

  public static RosterView gradingPeriods() {
    return RosterView.where(ACADEMIC_SESSION, "t.type = 'gradingPeriod'");
  }

  /** Users holding a role ({@code student}, {@code teacher}). */
  public static RosterView usersWithRole(String role) {
    return RosterView.where(USER, "t.role_names @> ARRAY[?]::text[]", role);
  }

  /** Users enrolled in a class with a role. */
  public static RosterView classMembers(String classId, String role) {
    return RosterView.where(
        USER,
        "t.sourced_id IN (SELECT e.user_sourced_id FROM roster_enrollment e"
            + " WHERE e.class_sourced_id = ? AND e.role = ? AND e.status = 'active')",
        classId,
        role);
  }

  /** Users enrolled in a class of a school with a role. */
  public static RosterView schoolClassMembers(String schoolId, String classId, String role) {
    return RosterView.where(
        USER,
        "t.sourced_id IN (SELECT e.user_sourced_id FROM roster_enrollment e"
            + " WHERE e.school_sourced_id = ? AND e.class_sourced_id = ? AND e.role = ?"
            + " AND e.status = 'active')",
        schoolId,
        classId,
        role);
  }

  /** Users with a role at a school. */
  public static RosterView schoolMembers(String schoolId, String role) {
    return RosterView.where(
        USER,
        "t.role_org_sourced_ids @> ARRAY[?]::text[] AND EXISTS (SELECT 1 FROM"
            + " jsonb_array_elements(t.roles) r WHERE r ->> 'org' = ? AND r ->> 'role' = ?)",
        schoolId,
        schoolId,
        role);
  }

  public static RosterView classesOfCourse(String courseId) {
    return RosterView.where(CLASS, "t.course_sourced_id = ?", courseId);
  }

  public static RosterView classesOfSchool(String schoolId) {
    return RosterView.where(CLASS, "t.school_sourced_id = ?", schoolId);
  }

  public static RosterView classesOfTerm(String termId) {
    return RosterView.where(CLASS, "t.term_sourced_ids @> ARRAY[?]::text[]", termId);
  }

  /** Classes a user is enrolled in, optionally only with a role. */
  public static RosterView classesOfUser(String userId, String role) {
    return role == null
        ? RosterView.where(
            CLASS,
            "t.sourced_id IN (SELECT e.class_sourced_id FROM roster_enrollment e"
                + " WHERE e.user_sourced_id = ? AND e.status = 'active')",
            userId)
        : RosterView.where(
            CLASS,
            "t.sourced_id IN (SELECT e.class_sourced_id FROM roster_enrollment e"
                + " WHERE e.user_sourced_id = ? AND e.role = ? AND e.status = 'active')",
            userId,
            role);
  }

  public static RosterView coursesOfSchool(String schoolId) {
    return RosterView.where(COURSE, "t.org_sourced_id = ?", schoolId);
  }

  public static RosterView enrollmentsOfSchool(String schoolId) {
    return RosterView.where(ENROLLMENT, "t.school_sourced_id = ?", schoolId);
  }

  public static RosterView enrollmentsOfSchoolClass(String schoolId, String classId) {
    return RosterView.where(
        ENROLLMENT, "t.school_sourced_id = ? AND t.class_sourced_id = ?", schoolId, classId);
  }

  /** Terms of a school: its own, and those its classes are scheduled in. */
  public static RosterView termsOfSchool(String schoolId) {
    return RosterView.where(
        ACADEMIC_SESSION,
        "t.type = 'term' AND (t.org_sourced_id = ? OR t.sourced_id IN (SELECT"
            + " unnest(c.term_sourced_ids) FROM roster_class c WHERE c.school_sourced_id = ?))",
        schoolId,
        schoolId);
  }

  public static RosterView gradingPeriodsOfTerm(String termId) {
    return RosterView.where(
        ACADEMIC_SESSION, "t.type = 'gradingPeriod' AND t.parent_sourced_id = ?", termId);
  }
}
