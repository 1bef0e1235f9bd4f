package dev.lectern.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.RosterFixture;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated filters on /users, answered by Lectern and by an evaluator written here from the spec's
 * semantics over the fixture's rows: both must select exactly the same fixture users, and no
 * generated filter (quotes, SQL metacharacters, long values) may cause a 500.
 */
class FilterPropertiesIT {

  /** A fixture user as the evaluator sees it; must match roster-fixture.sql. */
  record User(
      String id,
      String status,
      Instant modified,
      String enabledUser,
      String username,
      String givenName,
      String familyName,
      String email,
      List<String> grades,
      List<String> roles) {

    Object value(String field) {
      return switch (field) {
        case "status" -> status;
        case "enabledUser" -> enabledUser;
        case "username" -> username;
        case "givenName" -> givenName;
        case "familyName" -> familyName;
        case "email" -> email;
        case "grades" -> grades;
        case "roles.role" -> roles;
        default -> throw new IllegalArgumentException(field);
      };
    }
  }

  private static final List<User> USERS =
      List.of(
          new User(
              "teacher-1",
              "active",
              Instant.parse("2026-03-01T00:00:00Z"),
              "true",
              "jdoe",
              "Jane",
              "O'Doe",
              "jane@lakeside.example",
              List.of(),
              List.of("teacher")),
          new User(
              "student-1",
              "active",
              Instant.parse("2026-03-02T00:00:00Z"),
              "true",
              "asmith",
              "Alex",
              "Smith",
              "alex@lakeside.example",
              List.of("09"),
              List.of("student")),
          new User(
              "student-2",
              "tobedeleted",
              Instant.parse("2026-03-03T00:00:00Z"),
              "false",
              "bnguyen",
              "Bao",
              "Nguyen",
              null,
              List.of("07"),
              List.of("student")));

  private static final Http HTTP = Http.lectern();
  private static RosterFixture fixture;
  private static String token;

  /**
   * One generated predicate with its text, its meaning, and whether the grammar and the model
   * accept it: enabledUser is a boolean ('true' or 'false', with = or != only), and no value may
   * hold a NUL character.
   */
  record Clause(String text, Predicate<User> holds, boolean valid) {}

  @BeforeContainer
  static void loadDistrict() {
    fixture = RosterFixture.load();
    token = HTTP.adminToken();
  }

  @Property(tries = 150)
  void lecternSelectsWhatTheSpecSays(@ForAll("filters") List<Clause> clauses, @ForAll boolean and) {
    String filter;
    Predicate<User> expected;
    boolean valid = clauses.stream().allMatch(Clause::valid);
    if (clauses.size() == 1) {
      filter = clauses.get(0).text();
      expected = clauses.get(0).holds();
    } else {
      filter = clauses.get(0).text() + (and ? " AND " : " OR ") + clauses.get(1).text();
      expected =
          and
              ? clauses.get(0).holds().and(clauses.get(1).holds())
              : clauses.get(0).holds().or(clauses.get(1).holds());
    }
    HttpResult result =
        HTTP.get(
            OneRosterIT.BASE
                + "users?limit=5000&fields=sourcedId&filter="
                + OneRosterIT.encode(filter),
            token);
    assertThat(result.status()).as(filter + " " + result).isEqualTo(valid ? 200 : 400);
    if (!valid) {
      return;
    }
    Set<String> selected =
        result.json().getJsonArray("users").getValuesAs(JsonObject.class).stream()
            .map(u -> u.getString("sourcedId"))
            .filter(id -> id.startsWith(fixture.id("")))
            .collect(Collectors.toSet());
    Set<String> evaluated =
        USERS.stream().filter(expected).map(u -> fixture.id(u.id())).collect(Collectors.toSet());
    assertThat(selected).as(filter).isEqualTo(evaluated);
  }

  @Provide
  Arbitrary<List<Clause>> filters() {
    return clause().list().ofMinSize(1).ofMaxSize(2);
  }

  private Arbitrary<Clause> clause() {
    Arbitrary<String> stringField =
        Arbitraries.of("status", "enabledUser", "username", "givenName", "familyName", "email");
    Arbitrary<String> arrayField = Arbitraries.of("grades", "roles.role");
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.of(
                "active",
                "tobedeleted",
                "true",
                "false",
                "jdoe",
                "Alex",
                "O'Doe",
                "smith",
                "a",
                "LE",
                "09",
                "07",
                "student",
                "teacher",
                "@lakeside",
                "",
                "x' OR '1'='1",
                "%",
                "_",
                "--",
                "/*",
                ";",
                "\\"),
            // ASCII only: lower() of PostgreSQL and Java agree on it, whatever the collation.
            Arbitraries.strings().ascii().ofMaxLength(12));
    Arbitrary<Clause> strings =
        Combinators.combine(stringField, Arbitraries.of("=", "!=", "~"), value)
            .as(
                (f, op, v) ->
                    new Clause(
                        text(f, op, v),
                        u -> compareString(u.value(f), op, v),
                        noNul(v)
                            && !(f.equals("enabledUser")
                                && (op.equals("~") || !(v.equals("true") || v.equals("false"))))));
    Arbitrary<Clause> arrays =
        Combinators.combine(arrayField, Arbitraries.of("=", "!=", "~"), value)
            .as(
                (f, op, v) ->
                    new Clause(
                        text(f, op, v), u -> compareArray(castList(u.value(f)), op, v), noNul(v)));
    Arbitrary<Clause> dates =
        Combinators.combine(
                Arbitraries.of("=", "!=", ">", ">=", "<", "<="),
                Arbitraries.of(
                    "2026-03-01T00:00:00Z",
                    "2026-03-02T00:00:00Z",
                    "2026-03-02T12:00:00Z",
                    "2026-03-03T00:00:00Z",
                    "2026-01-01T00:00:00Z"))
            .as(
                (op, v) ->
                    new Clause(
                        text("dateLastModified", op, v),
                        u -> compareInstant(u.modified(), op, Instant.parse(v)),
                        true));
    return Arbitraries.oneOf(strings, arrays, dates);
  }

  private static boolean noNul(String value) {
    return value.indexOf('\0') < 0;
  }

  private static String text(String field, String op, String value) {
    return field + op + "'" + value.replace("'", "''") + "'";
  }

  private static boolean compareString(Object actual, String op, String value) {
    String column = (String) actual;
    return switch (op) {
      case "=" -> value.equals(column);
      case "!=" -> !value.equals(column);
      default ->
          column != null
              && column.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
    };
  }

  private static boolean compareArray(List<String> elements, String op, String value) {
    return switch (op) {
      case "=" -> elements.contains(value);
      case "!=" -> !elements.contains(value);
      default ->
          elements.stream()
              .anyMatch(e -> e.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT)));
    };
  }

  private static boolean compareInstant(Instant actual, String op, Instant value) {
    int c = actual.compareTo(value);
    return switch (op) {
      case "=" -> c == 0;
      case "!=" -> c != 0;
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      case "<" -> c < 0;
      default -> c <= 0;
    };
  }

  @SuppressWarnings("unchecked")
  private static List<String> castList(Object value) {
    return (List<String>) value;
  }
}
