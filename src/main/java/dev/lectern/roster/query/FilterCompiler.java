package dev.lectern.roster.query;

import dev.lectern.roster.model.Field;
import dev.lectern.roster.model.FieldKind;
import dev.lectern.roster.model.RosterType;
import dev.lectern.roster.query.Filter.Operator;
import dev.lectern.roster.query.Filter.Predicate;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Compiles a parsed filter into SQL over one type's table (alias {@code t}). Field names come only
 * from the model's field table and values only travel as bind parameters, so no text of the filter
 * ever becomes SQL.
 */
public final class FilterCompiler {

  private FilterCompiler() {}

  public static SqlFragment compile(Filter filter, RosterType type) {
    if (filter instanceof Filter.And and) {
      return predicate(and.left(), type).and(predicate(and.right(), type));
    }
    if (filter instanceof Filter.Or or) {
      return predicate(or.left(), type).or(predicate(or.right(), type));
    }
    return predicate((Predicate) filter, type);
  }

  private static SqlFragment predicate(Predicate p, RosterType type) {
    String[] parts = p.path().split("\\.");
    Field field = type.field(parts[0]).orElseThrow(() -> unknownField(p.path(), type));
    String rest = p.path().substring(parts[0].length());
    return switch (field.kind()) {
      case STRING, DATETIME, DATE, BOOLEAN_STRING -> {
        requireNoSubPath(rest, p, type);
        yield scalar("t." + field.filterColumn(), field.kind(), p);
      }
      case REF -> {
        requireSubPath(rest, ".sourcedId", p, type);
        yield scalar("t." + field.filterColumn(), FieldKind.STRING, p);
      }
      case REF_ARRAY -> {
        requireSubPath(rest, ".sourcedId", p, type);
        yield array(column(field), p);
      }
      case STRING_ARRAY -> {
        requireNoSubPath(rest, p, type);
        yield array("t." + field.filterColumn(), p);
      }
      case ROLES -> roles(rest, p, type);
      case JSON_ARRAY -> jsonArray(field, rest, p, type);
      case JSON_OBJECT -> throw unknownField(p.path(), type);
    };
  }

  private static String column(Field field) {
    return field.filterColumn().startsWith("array(")
        ? field.filterColumn()
        : "t." + field.filterColumn();
  }

  private static SqlFragment scalar(String column, FieldKind kind, Predicate p) {
    Object value = typedValue(kind, p);
    if (p.operator() == Operator.CONTAINS) {
      if (kind != FieldKind.STRING) {
        throw invalid("'~' only applies to text fields, not to " + p.path());
      }
      return SqlFragment.of("strpos(lower(" + column + "), lower(?)) > 0", value);
    }
    if (kind == FieldKind.BOOLEAN_STRING
        && p.operator() != Operator.EQ
        && p.operator() != Operator.NE) {
      throw invalid(p.path() + " is 'true' or 'false': only = and != apply");
    }
    if (p.operator() == Operator.NE) {
      return SqlFragment.of(column + " IS DISTINCT FROM ?", value);
    }
    return SqlFragment.of(column + " " + p.operator().symbol() + " ?", value);
  }

  /** An array field matches when one of its elements does. */
  private static SqlFragment array(String column, Predicate p) {
    return switch (p.operator()) {
      case EQ -> SqlFragment.of(column + " @> ARRAY[?]::text[]", p.value());
      case NE ->
          SqlFragment.of("NOT (coalesce(" + column + ", '{}') @> ARRAY[?]::text[])", p.value());
      case CONTAINS ->
          SqlFragment.of(
              "EXISTS (SELECT 1 FROM unnest("
                  + column
                  + ") e WHERE strpos(lower(e), lower(?)) > 0)",
              p.value());
      default ->
          SqlFragment.of(
              "EXISTS (SELECT 1 FROM unnest("
                  + column
                  + ") e WHERE e "
                  + p.operator().symbol()
                  + " ?)",
              p.value());
    };
  }

  private static SqlFragment roles(String rest, Predicate p, RosterType type) {
    return switch (rest) {
      case ".role" -> array("t.role_names", p);
      case ".org.sourcedId" -> array("t.role_org_sourced_ids", p);
      case ".roleType", ".userProfile", ".beginDate", ".endDate" ->
          jsonElements("t.roles", rest.substring(1), p);
      default -> throw unknownField(p.path(), type);
    };
  }

  private static SqlFragment jsonArray(Field field, String rest, Predicate p, RosterType type) {
    if (!rest.equals(".type") && !rest.equals(".identifier")) {
      throw unknownField(p.path(), type);
    }
    return jsonElements("t." + field.filterColumn(), rest.substring(1), p);
  }

  private static SqlFragment jsonElements(String column, String key, Predicate p) {
    String element = "(e ->> '" + key + "')";
    String condition =
        switch (p.operator()) {
          case CONTAINS -> "strpos(lower(" + element + "), lower(?)) > 0";
          case NE -> element + " IS DISTINCT FROM ?";
          default -> element + " " + p.operator().symbol() + " ?";
        };
    return SqlFragment.of(
        "EXISTS (SELECT 1 FROM jsonb_array_elements(" + column + ") e WHERE " + condition + ")",
        p.value());
  }

  private static Object typedValue(FieldKind kind, Predicate p) {
    String value = p.value();
    return switch (kind) {
      case DATETIME -> Timestamp.from(instant(value, p));
      case DATE -> Date.valueOf(date(value, p));
      case BOOLEAN_STRING -> {
        if (!value.equals("true") && !value.equals("false")) {
          throw invalid(p.path() + " must be compared with 'true' or 'false'");
        }
        yield Boolean.valueOf(value);
      }
      default -> value;
    };
  }

  /**
   * An ISO 8601 date-time with an offset (normally {@code Z}), or a date meaning its midnight UTC.
   */
  static Instant instant(String value, Predicate p) {
    try {
      OffsetDateTime dateTime = OffsetDateTime.parse(value);
      requireFourDigitYear(dateTime.getYear(), value, p);
      return dateTime.toInstant();
    } catch (DateTimeParseException notDateTime) {
      return date(value, p).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
  }

  private static LocalDate date(String value, Predicate p) {
    LocalDate date;
    try {
      date = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw notADate(value, p);
    }
    requireFourDigitYear(date.getYear(), value, p);
    return date;
  }

  /**
   * Years 1 to 9999, as ISO 8601 writes them without a sign: PostgreSQL stores no later timestamp,
   * and a larger year would wrap around when bound as a SQL date.
   */
  private static void requireFourDigitYear(int year, String value, Predicate p) {
    if (year < 1 || year > 9999) {
      throw notADate(value, p);
    }
  }

  private static RosterQueryException notADate(String value, Predicate p) {
    return invalid(
        "'"
            + abbreviate(value)
            + "' is not a date (YYYY-MM-DD, years 0001-9999) or date-time for "
            + p.path());
  }

  private static void requireNoSubPath(String rest, Predicate p, RosterType type) {
    if (!rest.isEmpty()) {
      throw unknownField(p.path(), type);
    }
  }

  private static void requireSubPath(String rest, String expected, Predicate p, RosterType type) {
    if (!rest.equals(expected)) {
      throw unknownField(p.path(), type);
    }
  }

  static RosterQueryException unknownField(String path, RosterType type) {
    return new RosterQueryException(
        "invalid_filter_field",
        "'"
            + abbreviate(path)
            + "' is not a field of "
            + type.singular()
            + " that can be filtered");
  }

  private static RosterQueryException invalid(String message) {
    return new RosterQueryException("invaliddata", message);
  }

  static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }

  /** For callers that only need to know whether a path can be filtered. */
  public static Optional<String> problem(String path, RosterType type) {
    try {
      compile(new Predicate(path, Operator.EQ, "x"), type);
      return Optional.empty();
    } catch (RosterQueryException e) {
      return Optional.of(e.getMessage());
    }
  }
}
