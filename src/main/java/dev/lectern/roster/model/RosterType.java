package dev.lectern.roster.model;

import static dev.lectern.roster.model.Field.of;
import static dev.lectern.roster.model.Field.ref;
import static dev.lectern.roster.model.Field.refs;
import static dev.lectern.roster.model.FieldKind.BOOLEAN_STRING;
import static dev.lectern.roster.model.FieldKind.DATE;
import static dev.lectern.roster.model.FieldKind.DATETIME;
import static dev.lectern.roster.model.FieldKind.JSON_ARRAY;
import static dev.lectern.roster.model.FieldKind.JSON_OBJECT;
import static dev.lectern.roster.model.FieldKind.STRING;
import static dev.lectern.roster.model.FieldKind.STRING_ARRAY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OneRoster types with their tables and fields, in the order the spec lists them. This is the
 * one description of the model that queries, filters, sorting, field selection and JSON rendering
 * all read.
 */
public enum RosterType {
  ORG(
      "org",
      "orgs",
      "roster_org",
      List.of(
          of("name", "name", STRING),
          of("type", "type", STRING),
          of("identifier", "identifier", STRING),
          ref("parent", "parent_sourced_id", "org"),
          refs(
              "children",
              "array(select c.sourced_id from roster_org c where c.parent_sourced_id ="
                  + " t.sourced_id order by c.sourced_id)",
              "org"))),
  ACADEMIC_SESSION(
      "academicSession",
      "academicSessions",
      "roster_academic_session",
      List.of(
          of("title", "title", STRING),
          of("startDate", "start_date", DATE),
          of("endDate", "end_date", DATE),
          of("type", "type", STRING),
          ref("parent", "parent_sourced_id", "academicSession"),
          refs(
              "children",
              "array(select c.sourced_id from roster_academic_session c where"
                  + " c.parent_sourced_id = t.sourced_id order by c.sourced_id)",
              "academicSession"),
          of("schoolYear", "school_year", STRING)),
      // The org a term belongs to: OneRoster 1.2 has no such property, but a school's terms
      // (schools/{id}/terms) are read through it.
      List.of(ref("org", "org_sourced_id", "org"))),
  COURSE(
      "course",
      "courses",
      "roster_course",
      List.of(
          of("title", "title", STRING),
          ref("schoolYear", "school_year_sourced_id", "academicSession"),
          of("courseCode", "course_code", STRING),
          of("grades", "grades", STRING_ARRAY),
          of("subjects", "subjects", STRING_ARRAY),
          ref("org", "org_sourced_id", "org"),
          of("subjectCodes", "subject_codes", STRING_ARRAY))),
  CLASS(
      "class",
      "classes",
      "roster_class",
      List.of(
          of("title", "title", STRING),
          of("classCode", "class_code", STRING),
          of("classType", "class_type", STRING),
          of("location", "location", STRING),
          of("grades", "grades", STRING_ARRAY),
          of("subjects", "subjects", STRING_ARRAY),
          ref("course", "course_sourced_id", "course"),
          ref("school", "school_sourced_id", "org"),
          refs("terms", "term_sourced_ids", "academicSession"),
          of("subjectCodes", "subject_codes", STRING_ARRAY),
          of("periods", "periods", STRING_ARRAY))),
  USER(
      "user",
      "users",
      "roster_user",
      List.of(
          of("enabledUser", "enabled_user", BOOLEAN_STRING),
          of("username", "username", STRING),
          of("userIds", "user_ids", JSON_ARRAY),
          of("givenName", "given_name", STRING),
          of("familyName", "family_name", STRING),
          of("middleName", "middle_name", STRING),
          of("preferredFirstName", "preferred_given_name", STRING),
          of("preferredMiddleName", "preferred_middle_name", STRING),
          of("preferredLastName", "preferred_family_name", STRING),
          of("pronouns", "pronouns", STRING),
          new Field("roles", "roles", FieldKind.ROLES, "org", "role_org_sourced_ids"),
          of("identifier", "identifier", STRING),
          of("email", "email", STRING),
          of("sms", "sms", STRING),
          of("phone", "phone", STRING),
          refs("agents", "agent_sourced_ids", "user"),
          of("grades", "grades", STRING_ARRAY),
          ref("primaryOrg", "primary_org_sourced_id", "org"),
          of("userMasterIdentifier", "user_master_identifier", STRING))),
  ENROLLMENT(
      "enrollment",
      "enrollments",
      "roster_enrollment",
      List.of(
          ref("class", "class_sourced_id", "class"),
          ref("user", "user_sourced_id", "user"),
          ref("school", "school_sourced_id", "org"),
          of("role", "role", STRING),
          of("primary", "is_primary", BOOLEAN_STRING),
          of("beginDate", "begin_date", DATE),
          of("endDate", "end_date", DATE))),
  DEMOGRAPHICS(
      "demographics",
      "demographics",
      "roster_demographics",
      List.of(
          of("birthDate", "birth_date", DATE),
          of("sex", "sex", STRING),
          of("americanIndianOrAlaskaNative", "american_indian_or_alaska_native", STRING),
          of("asian", "asian", STRING),
          of("blackOrAfricanAmerican", "black_or_african_american", STRING),
          of(
              "nativeHawaiianOrOtherPacificIslander",
              "native_hawaiian_or_other_pacific_islander",
              STRING),
          of("white", "white", STRING),
          of("demographicRaceTwoOrMoreRaces", "demographic_race_two_or_more_races", STRING),
          of("hispanicOrLatinoEthnicity", "hispanic_or_latino_ethnicity", STRING),
          of("countryOfBirthCode", "country_of_birth_code", STRING),
          of("stateOfBirthAbbreviation", "state_of_birth_abbreviation", STRING),
          of("cityOfBirth", "city_of_birth", STRING),
          of("publicSchoolResidenceStatus", "public_school_residence_status", STRING)));

  private final String singular;
  private final String plural;
  private final String table;
  private final Map<String, Field> fields = new LinkedHashMap<>();
  private final List<Field> internal;

  RosterType(String singular, String plural, String table, List<Field> own) {
    this(singular, plural, table, own, List.of());
  }

  RosterType(String singular, String plural, String table, List<Field> own, List<Field> internal) {
    this.internal = internal;
    this.singular = singular;
    this.plural = plural;
    this.table = table;
    commonFields().forEach(f -> fields.put(f.name(), f));
    own.forEach(f -> fields.put(f.name(), f));
  }

  /** Fields every type starts with; a method, since enum constants are built before statics. */
  private static List<Field> commonFields() {
    return List.of(
        of("sourcedId", "sourced_id", STRING),
        of("status", "status", STRING),
        of("dateLastModified", "date_last_modified", DATETIME),
        of("metadata", "metadata", JSON_OBJECT));
  }

  /** Envelope key of a single object ({@code org}), also the GUIDRef {@code type}. */
  public String singular() {
    return singular;
  }

  /** Envelope key of a collection ({@code orgs}), also the path segment of hrefs. */
  public String plural() {
    return plural;
  }

  public String table() {
    return table;
  }

  /** The OneRoster 1.2 properties, in rendering order: all that is ever sent or filtered on. */
  public List<Field> fields() {
    return List.copyOf(fields.values());
  }

  /**
   * Every field a record stores: the OneRoster properties, then relations Lectern keeps for its own
   * views that the 1.2 model has no property for. The admin API writes them; OneRoster never sends
   * them.
   */
  public List<Field> storedFields() {
    List<Field> stored = new ArrayList<>(fields.values());
    stored.addAll(internal);
    return stored;
  }

  /** Whether the field is one of the relations Lectern keeps that the 1.2 model does not show. */
  public boolean isInternal(Field field) {
    return internal.contains(field);
  }

  public Optional<Field> field(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** The type a GUIDRef of this {@code type} points to, for its href. */
  public static RosterType ofRefType(String refType) {
    for (RosterType type : values()) {
      if (type.singular.equals(refType)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown reference type " + refType);
  }
}
