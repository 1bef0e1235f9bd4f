package dev.lectern.roster.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds OneRoster CSV packages (zips) for tests, valid by default and broken on purpose. */
public final class CsvPackage {

  static final String ORGS_12 =
      "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId";
  static final String SESSIONS_12 =
      "sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear";
  static final String COURSES_12 =
      "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,"
          + "subjects,subjectCodes";
  static final String CLASSES_12 =
      "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,"
          + "schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods";
  static final String USERS_12 =
      "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,"
          + "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,"
          + "userMasterIdentifier,preferredGivenName,preferredMiddleName,preferredFamilyName,"
          + "primaryOrgSourcedId,pronouns";
  static final String ROLES_12 =
      "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,"
          + "orgSourcedId,userProfileSourcedId";
  static final String ENROLLMENTS_12 =
      "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,"
          + "beginDate,endDate";
  static final String DEMOGRAPHICS_12 =
      "sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative,asian,"
          + "blackOrAfricanAmerican,nativeHawaiianOrOtherPacificIslander,white,"
          + "demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity,countryOfBirthCode,"
          + "stateOfBirthAbbreviation,cityOfBirth,publicSchoolResidenceStatus";
  static final String USERS_11 =
      "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,"
          + "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password";

  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final Map<String, String> manifest = new LinkedHashMap<>();

  private CsvPackage(String version) {
    manifest.put("manifest.version", "1.0");
    manifest.put("oneroster.version", version);
  }

  static CsvPackage v12() {
    return new CsvPackage("1.2");
  }

  static CsvPackage v11() {
    return new CsvPackage("1.1");
  }

  /** A file with its manifest mode; lines are joined with CRLF as the binding says. */
  CsvPackage file(String name, String mode, String... lines) {
    manifest.put("file." + name, mode);
    files.put(
        name + ".csv", (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
    return this;
  }

  CsvPackage raw(String entry, byte[] content) {
    files.put(entry, content);
    return this;
  }

  CsvPackage manifest(String property, String value) {
    manifest.put(property, value);
    return this;
  }

  CsvPackage withoutManifest() {
    manifest.clear();
    return this;
  }

  public byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      if (!manifest.isEmpty()) {
        StringBuilder m = new StringBuilder("propertyName,value\r\n");
        manifest.forEach((k, v) -> m.append(k).append(',').append(v).append("\r\n"));
        zip.putNextEntry(new ZipEntry("manifest.csv"));
        zip.write(m.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A small but complete 1.2 district: 2 schools, a year and a term, courses, users, roles. */
  public static CsvPackage district12(String mode) {
    boolean bulk = mode.equals("bulk");
    String lead = bulk ? ",,," : ",active,2026-09-01T00:00:00.000Z,";
    return v12()
        .file(
            "orgs",
            mode,
            ORGS_12,
            "d1" + lead + "District One,district,D1,",
            "s1" + lead + "\"North School, Main\",school,S1,d1",
            "s2" + lead + "South School,school,S2,d1")
        .file(
            "academicSessions",
            mode,
            SESSIONS_12,
            "y1" + lead + "2026-2027,schoolYear,2026-08-15,2027-06-15,,2027",
            "t1" + lead + "Fall,term,2026-08-15,2026-12-20,y1,2027")
        .file(
            "courses",
            mode,
            COURSES_12,
            "c1" + lead + "y1,Algebra,ALG,\"09,10\",s1,Mathematics,27.1")
        .file(
            "classes",
            mode,
            CLASSES_12,
            "k1" + lead + "Algebra 1,09,c1,ALG-1,scheduled,Room 1,s1,t1,Mathematics,,\"1,2\"")
        .file(
            "users",
            mode,
            USERS_12,
            "u1"
                + lead
                + "true,ada,{SIS:100},Ada,Lovelace,,A100,ada@example.org,,,,09,secret,"
                + ",,,,s1,she/her",
            "u2" + lead + "true,alan,\"{SIS:200},{LDAP:alan}\",Alan,Turing,M,A200,,,,,,,,,,,s1,",
            "u3" + lead + "true,grace,,Grace,Hopper,,A300,,,,u1,,,,,,,s2,")
        .file(
            "roles",
            mode,
            ROLES_12,
            "r1" + lead + "u1,primary,student,,,s1,",
            "r2" + lead + "u2,primary,teacher,2026-08-15,,s1,",
            "r3" + lead + "u3,primary,parent,,,s2,",
            "r4" + lead + "u2,secondary,teacher,,,s2,")
        .file(
            "enrollments",
            mode,
            ENROLLMENTS_12,
            "e1" + lead + "k1,s1,u1,student,false,2026-08-15,",
            "e2" + lead + "k1,s1,u2,teacher,true,,")
        .file(
            "demographics",
            mode,
            DEMOGRAPHICS_12,
            "u1" + lead + "2011-03-04,female,false,false,false,false,true,false,false,GB,,London,");
  }

  /**
   * A delta package adding one school of a district already imported (d1, t1, y1) with {@code
   * users} users and {@code enrollments} enrollments in classes of 25: big enough that staging and
   * applying it take seconds.
   */
  static CsvPackage largeDelta(String prefix, int users, int enrollments) {
    String lead = ",active,2026-09-01T00:00:00.000Z,";
    String school = prefix + "s";
    int classes = Math.max(1, enrollments / 25);
    StringBuilder classRows = new StringBuilder(CLASSES_12);
    for (int k = 0; k < classes; k++) {
      classRows
          .append("\r\n")
          .append(prefix)
          .append('k')
          .append(k)
          .append(lead)
          .append("Class ")
          .append(k)
          .append(",09,")
          .append(prefix)
          .append("c,K")
          .append(k)
          .append(",scheduled,Room,")
          .append(school)
          .append(",t1,,,");
    }
    StringBuilder userRows = new StringBuilder(USERS_12);
    StringBuilder roleRows = new StringBuilder(ROLES_12);
    for (int u = 0; u < users; u++) {
      userRows
          .append("\r\n")
          .append(prefix)
          .append('u')
          .append(u)
          .append(lead)
          .append("true,")
          .append(prefix)
          .append("user")
          .append(u)
          .append(",{SIS:")
          .append(u)
          .append("},Given")
          .append(u)
          .append(",Family,,,,,,,09,,,,,,")
          .append(school)
          .append(',');
      roleRows
          .append("\r\n")
          .append(prefix)
          .append('r')
          .append(u)
          .append(lead)
          .append(prefix)
          .append('u')
          .append(u)
          .append(",primary,student,,,")
          .append(school)
          .append(',');
    }
    StringBuilder enrollmentRows = new StringBuilder(ENROLLMENTS_12);
    for (int e = 0; e < enrollments; e++) {
      enrollmentRows
          .append("\r\n")
          .append(prefix)
          .append('e')
          .append(e)
          .append(lead)
          .append(prefix)
          .append('k')
          .append(e % classes)
          .append(',')
          .append(school)
          .append(',')
          .append(prefix)
          .append('u')
          .append(e % users)
          .append(",student,false,,");
    }
    return v12()
        .file("orgs", "delta", ORGS_12, school + lead + "Large School,school,LS,d1")
        .file(
            "courses", "delta", COURSES_12, prefix + "c" + lead + "y1,Large,LC,09," + school + ",,")
        .file("classes", "delta", classRows.toString())
        .file("users", "delta", userRows.toString())
        .file("roles", "delta", roleRows.toString())
        .file("enrollments", "delta", enrollmentRows.toString());
  }
}
