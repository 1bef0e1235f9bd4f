package dev.lectern.roster.query;

import dev.lectern.roster.model.Field;
import dev.lectern.roster.model.RosterType;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL expression that renders a row as OneRoster JSON text: GUIDRefs with hrefs, booleans as
 * the spec's strings, times in UTC with milliseconds, empty values left out. PostgreSQL renders
 * rows where they already are, so a page leaves the database as the bytes of its response and the
 * server only wraps them in the envelope.
 *
 * <p>Field names are constants of {@link RosterType}; every value goes through {@code to_json} or
 * is a JSON value already (JSONB, booleans, formatted dates), and the base URL of hrefs is a bind
 * parameter, so nothing a client sends reaches the SQL text.
 */
final class RosterJsonSql {

  /** The base URL placeholder; typed, as the JSON functions cannot infer it. */
  static final String BASE = "CAST(? AS text)";

  private RosterJsonSql() {}

  /** {@code '{' || concat_ws(',', <one member per field, NULL when empty>) || '}'}. */
  static SqlFragment row(List<Field> fields, String baseUrl) {
    List<String> members = new ArrayList<>(fields.size());
    List<Object> parameters = new ArrayList<>();
    for (Field field : fields) {
      String member = member(field);
      members.add(member);
      for (int i = member.indexOf(BASE); i >= 0; i = member.indexOf(BASE, i + 1)) {
        parameters.add(baseUrl);
      }
    }
    return new SqlFragment(
        "'{' || concat_ws(',', " + String.join(", ", members) + ") || '}'",
        List.copyOf(parameters));
  }

  private static String member(Field field) {
    String key = "'\"" + field.name() + "\":";
    String value = field.select().startsWith("array(") ? field.select() : "t." + field.select();
    return switch (field.kind()) {
      case STRING -> key + "' || to_json(" + value + ")::text";
      case DATETIME -> key + "\"' || roster_json_time(" + value + ") || '\"'";
      case DATE -> key + "\"' || to_char(" + value + ", 'YYYY-MM-DD') || '\"'";
      case BOOLEAN_STRING -> key + "\"' || " + value + "::text || '\"'";
      case STRING_ARRAY ->
          "CASE WHEN cardinality("
              + value
              + ") > 0 THEN "
              + key
              + "' || to_json("
              + value
              + ")::text END";
      case JSON_OBJECT, JSON_ARRAY -> key + "' || " + value + "::text";
      case REF ->
          key
              + "{\"href\":' || to_json("
              + href(field, value)
              + ")::text || ',\"sourcedId\":' ||"
              + " to_json("
              + value
              + ")::text || ',\"type\":\""
              + field.refType()
              + "\"}'";
      case REF_ARRAY ->
          "(SELECT "
              + key
              + "' || json_agg("
              + guidRef(field, "r.id")
              + " ORDER BY r.n)::text"
              + " FROM unnest("
              + value
              + ") WITH ORDINALITY r(id, n))";
      case ROLES ->
          key
              + "' || coalesce((SELECT json_agg(jsonb_strip_nulls(r.role) ||"
              + " jsonb_build_object('org', "
              + guidRef(field, "(r.role->>'org')")
              + ") ORDER BY r.n) FROM jsonb_array_elements("
              + value
              + ") WITH ORDINALITY r(role, n))::text, '[]')";
    };
  }

  /** A GUIDRef object as {@code jsonb}, for references inside arrays. */
  private static String guidRef(Field field, String id) {
    return "jsonb_build_object('href', "
        + href(field, id)
        + ", 'sourcedId', "
        + id
        + ", 'type', '"
        + field.refType()
        + "')";
  }

  private static String href(Field field, String id) {
    return BASE + " || '" + RosterType.ofRefType(field.refType()).plural() + "/' || " + id;
  }
}
