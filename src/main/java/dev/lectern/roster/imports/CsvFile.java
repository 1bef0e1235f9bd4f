package dev.lectern.roster.imports;

import static dev.lectern.roster.imports.ColumnKind.BOOLEAN;
import static dev.lectern.roster.imports.ColumnKind.DATE;
import static dev.lectern.roster.imports.ColumnKind.LIST;
import static dev.lectern.roster.imports.ColumnKind.USER_IDS;
import static dev.lectern.roster.imports.ColumnKind.YEAR;
import static dev.lectern.roster.imports.CsvColumn.ignored;
import static dev.lectern.roster.imports.CsvColumn.of;
import static dev.lectern.roster.imports.CsvColumn.oneOf;
import static dev.lectern.roster.imports.CsvColumn.required;
import static dev.lectern.roster.imports.CsvColumn.text;

import dev.lectern.roster.model.RosterVocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rostering files of a OneRoster CSV package (1.1 and 1.2 bindings), in the order they are
 * applied, each with its columns after {@code sourcedId,status,dateLastModified}. Columns of both
 * versions are staged; a column a version lacks stays NULL.
 */
enum CsvFile {
  ORGS(
      "orgs",
      "roster_org",
      List.of(
          required("name", "name"),
          oneOf("type", "type", true, RosterVocabulary.ORG_TYPES),
          text("identifier", "identifier"),
          text("parentSourcedId", "parent_sourced_id")),
      List.of(),
      List.of(new Reference("parentSourcedId", "parent_sourced_id", "orgs", false))),
  ACADEMIC_SESSIONS(
      "academicSessions",
      "roster_academic_session",
      List.of(
          required("title", "title"),
          oneOf("type", "type", true, RosterVocabulary.SESSION_TYPES),
          of("startDate", "start_date", DATE, true),
          of("endDate", "end_date", DATE, true),
          text("parentSourcedId", "parent_sourced_id"),
          of("schoolYear", "school_year", YEAR, true)),
      List.of(),
      List.of(new Reference("parentSourcedId", "parent_sourced_id", "academicSessions", false))),
  COURSES(
      "courses",
      "roster_course",
      List.of(
          text("schoolYearSourcedId", "school_year_sourced_id"),
          required("title", "title"),
          text("courseCode", "course_code"),
          of("grades", "grades", LIST, false),
          required("orgSourcedId", "org_sourced_id"),
          of("subjects", "subjects", LIST, false),
          of("subjectCodes", "subject_codes", LIST, false)),
      List.of(),
      List.of(
          new Reference("schoolYearSourcedId", "school_year_sourced_id", "academicSessions", false),
          new Reference("orgSourcedId", "org_sourced_id", "orgs", false))),
  CLASSES(
      "classes",
      "roster_class",
      List.of(
          required("title", "title"),
          of("grades", "grades", LIST, false),
          required("courseSourcedId", "course_sourced_id"),
          text("classCode", "class_code"),
          oneOf("classType", "class_type", true, RosterVocabulary.CLASS_TYPES),
          text("location", "location"),
          required("schoolSourcedId", "school_sourced_id"),
          of("termSourcedIds", "term_sourced_ids", LIST, true),
          of("subjects", "subjects", LIST, false),
          of("subjectCodes", "subject_codes", LIST, false),
          of("periods", "periods", LIST, false)),
      List.of(),
      List.of(
          new Reference("courseSourcedId", "course_sourced_id", "courses", false),
          new Reference("schoolSourcedId", "school_sourced_id", "orgs", false),
          new Reference("termSourcedIds", "term_sourced_ids", "academicSessions", true))),
  USERS(
      "users",
      "roster_user",
      List.of(
          of("enabledUser", "enabled_user", BOOLEAN, true),
          required("username", "username"),
          of("userIds", "user_ids", USER_IDS, false),
          required("givenName", "given_name"),
          required("familyName", "family_name"),
          text("middleName", "middle_name"),
          text("identifier", "identifier"),
          text("email", "email"),
          text("sms", "sms"),
          text("phone", "phone"),
          of("agentSourcedIds", "agent_sourced_ids", LIST, false),
          of("grades", "grades", LIST, false),
          ignored("password"),
          text("userMasterIdentifier", "user_master_identifier"),
          text("preferredGivenName", "preferred_given_name"),
          text("preferredMiddleName", "preferred_middle_name"),
          text("preferredFamilyName", "preferred_family_name"),
          text("primaryOrgSourcedId", "primary_org_sourced_id"),
          text("pronouns", "pronouns")),
      // 1.1 kept one role per user, in every org listed.
      List.of(
          of("orgSourcedIds", "v11_org_sourced_ids", LIST, true),
          oneOf("role", "v11_role", true, RosterEnums.V11_USER_ROLES),
          required("username", "username"),
          ignored("password")),
      List.of(
          new Reference("agentSourcedIds", "agent_sourced_ids", "users", true),
          new Reference("primaryOrgSourcedId", "primary_org_sourced_id", "orgs", false),
          new Reference("orgSourcedIds", "v11_org_sourced_ids", "orgs", true))),
  ROLES(
      "roles",
      null,
      List.of(
          required("userSourcedId", "user_sourced_id"),
          oneOf("roleType", "role_type", true, RosterVocabulary.ROLE_TYPES),
          oneOf("role", "role", true, RosterVocabulary.USER_ROLES),
          of("beginDate", "begin_date", DATE, false),
          of("endDate", "end_date", DATE, false),
          required("orgSourcedId", "org_sourced_id"),
          text("userProfileSourcedId", "user_profile")),
      List.of(),
      List.of(
          new Reference("userSourcedId", "user_sourced_id", "users", false),
          new Reference("orgSourcedId", "org_sourced_id", "orgs", false))),
  ENROLLMENTS(
      "enrollments",
      "roster_enrollment",
      List.of(
          required("classSourcedId", "class_sourced_id"),
          required("schoolSourcedId", "school_sourced_id"),
          required("userSourcedId", "user_sourced_id"),
          oneOf("role", "role", true, RosterVocabulary.ENROLLMENT_ROLES),
          of("primary", "is_primary", BOOLEAN, false),
          of("beginDate", "begin_date", DATE, false),
          of("endDate", "end_date", DATE, false)),
      List.of(),
      List.of(
          new Reference("classSourcedId", "class_sourced_id", "classes", false),
          new Reference("schoolSourcedId", "school_sourced_id", "orgs", false),
          new Reference("userSourcedId", "user_sourced_id", "users", false))),
  DEMOGRAPHICS(
      "demographics",
      "roster_demographics",
      List.of(
          of("birthDate", "birth_date", DATE, false),
          oneOf("sex", "sex", false, RosterVocabulary.SEXES),
          oneOf(
              "americanIndianOrAlaskaNative",
              "american_indian_or_alaska_native",
              false,
              RosterEnums.BOOLEANS),
          oneOf("asian", "asian", false, RosterEnums.BOOLEANS),
          oneOf("blackOrAfricanAmerican", "black_or_african_american", false, RosterEnums.BOOLEANS),
          oneOf(
              "nativeHawaiianOrOtherPacificIslander",
              "native_hawaiian_or_other_pacific_islander",
              false,
              RosterEnums.BOOLEANS),
          oneOf("white", "white", false, RosterEnums.BOOLEANS),
          oneOf(
              "demographicRaceTwoOrMoreRaces",
              "demographic_race_two_or_more_races",
              false,
              RosterEnums.BOOLEANS),
          oneOf(
              "hispanicOrLatinoEthnicity",
              "hispanic_or_latino_ethnicity",
              false,
              RosterEnums.BOOLEANS),
          text("countryOfBirthCode", "country_of_birth_code"),
          text("stateOfBirthAbbreviation", "state_of_birth_abbreviation"),
          text("cityOfBirth", "city_of_birth"),
          text("publicSchoolResidenceStatus", "public_school_residence_status")),
      List.of(),
      List.of());

  /** A column naming records of another file (by sourcedId), checked before anything applies. */
  record Reference(String header, String column, String target, boolean many) {}

  /** Columns every file starts with. */
  static final List<String> LEADING = List.of("sourcedId", "status", "dateLastModified");

  /** 1.2.1 added {@code resourceSourcedIds} to users; files of either revision are accepted. */
  static final String USERS_DRIFT_HEADER = "resourceSourcedIds";

  private final String name;
  private final String table;
  private final List<CsvColumn> columns;
  private final List<CsvColumn> v11Columns;
  private final List<Reference> references;

  CsvFile(
      String name,
      String table,
      List<CsvColumn> columns,
      List<CsvColumn> v11Columns,
      List<Reference> references) {
    this.name = name;
    this.table = table;
    this.columns = columns;
    this.v11Columns = v11Columns;
    this.references = references;
  }

  /** The manifest's name, e.g. {@code academicSessions}. */
  String manifestName() {
    return name;
  }

  String fileName() {
    return name + ".csv";
  }

  /** The roster table it fills; roles fill users' roles and have none. */
  String table() {
    return table;
  }

  List<Reference> references() {
    return references;
  }

  /** The columns a file of this version carries after the leading three, in the binding's order. */
  List<CsvColumn> columns(String version) {
    if (this == USERS && version.equals("1.1")) {
      List<CsvColumn> v11 = new ArrayList<>();
      v11.add(columns.get(0));
      v11.addAll(v11Columns.subList(0, 2));
      for (CsvColumn c : columns.subList(1, 13)) {
        v11.add(c);
      }
      return v11;
    }
    if (this == ROLES && version.equals("1.1")) {
      return List.of();
    }
    return columns;
  }

  /** Every staging column of this file, whatever the version. */
  List<CsvColumn> stagedColumns() {
    List<CsvColumn> all = new ArrayList<>(columns);
    for (CsvColumn c : v11Columns) {
      if (all.stream().noneMatch(x -> x.header().equals(c.header()))) {
        all.add(c);
      }
    }
    return all.stream().filter(CsvColumn::stored).toList();
  }

  /** Files this version of the binding defines. */
  boolean inVersion(String version) {
    return !(this == ROLES && version.equals("1.1"));
  }

  static Optional<CsvFile> byManifestName(String name) {
    for (CsvFile file : values()) {
      if (file.name.equals(name)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }

  /** Files of the bindings Lectern accepts and ignores (gradebook and resources). */
  static final Set<String> IGNORED_FILES =
      Set.of(
          "categories",
          "classResources",
          "courseResources",
          "lineItemLearningObjectiveIds",
          "lineItems",
          "lineItemScoreScales",
          "resources",
          "resultLearningObjectiveIds",
          "results",
          "resultScoreScales",
          "scoreScales",
          "userProfiles",
          "userResources");
}
