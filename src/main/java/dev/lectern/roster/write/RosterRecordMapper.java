package dev.lectern.roster.write;

import dev.lectern.platform.error.ErrorBody.FieldProblem;
import dev.lectern.roster.model.Field;
import dev.lectern.roster.model.RosterType;
import dev.lectern.roster.model.RosterVocabulary;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a OneRoster JSON object (as the API shows it, references as {@code {sourcedId}}) into a
 * {@link RosterRecord}, collecting every problem with the field it concerns instead of stopping at
 * the first.
 */
final class RosterRecordMapper {

  private final RosterType type;
  private final JsonObject body;
  private final List<FieldProblem> problems = new ArrayList<>();
  private final Map<String, Object> columns = new LinkedHashMap<>();

  private RosterRecordMapper(RosterType type, JsonObject body) {
    this.type = type;
    this.body = body;
  }

  /** The record, or the problems found; {@code sourcedId} comes from the path. */
  static Result map(RosterType type, String sourcedId, JsonObject body) {
    return new RosterRecordMapper(type, body).map(sourcedId);
  }

  /** Either a record or problems. */
  record Result(RosterRecord record, List<FieldProblem> problems) {}

  private Result map(String sourcedId) {
    if (body.containsKey("sourcedId") && !sourcedId.equals(string("sourcedId"))) {
      problem("sourcedId", "must equal the sourcedId of the path");
    }
    String status = body.containsKey("status") ? string("status") : "active";
    if (status != null && !RosterVocabulary.STATUSES.contains(status)) {
      problem("status", "must be active or tobedeleted");
    }
    for (String required : RosterRules.REQUIRED.get(type)) {
      if (!body.containsKey(required) || body.isNull(required)) {
        problem(required, "is required");
      }
    }
    for (Field field : type.storedFields()) {
      if (isServerOwned(field) || !body.containsKey(field.name())) {
        // An absent OneRoster property is cleared: a PUT replaces the record. An absent internal
        // relation is kept, since reads never show it and what was read must write back as it was.
        if (!isServerOwned(field) && !type.isInternal(field)) {
          columns.put(field.select(), null);
        }
        continue;
      }
      read(field);
    }
    if (type == RosterType.USER) {
      deriveRoleColumns();
    }
    return problems.isEmpty()
        ? new Result(new RosterRecord(sourcedId, status, columns), List.of())
        : new Result(null, List.copyOf(problems));
  }

  private static boolean isServerOwned(Field field) {
    return field.name().equals("sourcedId")
        || field.name().equals("status")
        || field.name().equals("dateLastModified")
        || field.select().startsWith("array(");
  }

  private void read(Field field) {
    String name = field.name();
    JsonValue value = body.get(name);
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      columns.put(field.select(), null);
      return;
    }
    try {
      columns.put(field.select(), convert(field, value));
    } catch (ClassCastException | IllegalArgumentException e) {
      problem(name, e instanceof IllegalArgumentException ? e.getMessage() : "has the wrong type");
    }
  }

  private Object convert(Field field, JsonValue value) {
    return switch (field.kind()) {
      case STRING -> enumerated(field.name(), ((JsonString) value).getString());
      case DATE -> date(((JsonString) value).getString());
      case BOOLEAN_STRING -> bool(((JsonString) value).getString());
      case STRING_ARRAY -> strings(value.asJsonArray());
      case JSON_OBJECT -> new RosterRecord.Jsonb(value.asJsonObject().toString());
      case JSON_ARRAY -> new RosterRecord.Jsonb(userIds(value.asJsonArray()).toString());
      case REF -> ref(value);
      case REF_ARRAY -> refs(value.asJsonArray());
      case ROLES -> new RosterRecord.Jsonb(roles(value.asJsonArray()).toString());
      case DATETIME -> throw new IllegalArgumentException("is set by the server");
    };
  }

  private String enumerated(String name, String value) {
    Set<String> allowed = RosterRules.ENUMS.getOrDefault(type, Map.of()).get(name);
    if (allowed != null && !allowed.contains(value)) {
      throw new IllegalArgumentException("must be one of " + String.join(", ", allowed));
    }
    return value;
  }

  private static Date date(String value) {
    try {
      return Date.valueOf(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be a date YYYY-MM-DD");
    }
  }

  private static Boolean bool(String value) {
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException("must be \"true\" or \"false\"");
    }
    return Boolean.valueOf(value);
  }

  private static String[] strings(JsonArray array) {
    return array.getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toArray(String[]::new);
  }

  private static String ref(JsonValue value) {
    String id = value.asJsonObject().getString("sourcedId", null);
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("must be a reference with a sourcedId");
    }
    return id;
  }

  private static String[] refs(JsonArray array) {
    return array.stream().map(RosterRecordMapper::ref).toArray(String[]::new);
  }

  private static JsonArray userIds(JsonArray array) {
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (JsonValue value : array) {
      JsonObject id = value.asJsonObject();
      out.add(
          Json.createObjectBuilder()
              .add("type", id.getString("type"))
              .add("identifier", id.getString("identifier")));
    }
    return out.build();
  }

  /** Roles as stored: the org reduced to its sourcedId. */
  private static JsonArray roles(JsonArray array) {
    if (array.isEmpty()) {
      throw new IllegalArgumentException("must name at least one role");
    }
    JsonArrayBuilder out = Json.createArrayBuilder();
    for (JsonValue value : array) {
      JsonObject role = value.asJsonObject();
      String roleType = role.getString("roleType", "");
      String name = role.getString("role", "");
      if (!roleType.equals("primary") && !roleType.equals("secondary")) {
        throw new IllegalArgumentException("roleType must be primary or secondary");
      }
      if (!RosterVocabulary.isUserRole(name)) {
        throw new IllegalArgumentException("unknown role '" + name + "'");
      }
      JsonObjectBuilder stored =
          Json.createObjectBuilder()
              .add("roleType", roleType)
              .add("role", name)
              .add("org", ref(role.get("org")));
      for (String optional : new String[] {"userProfile", "beginDate", "endDate"}) {
        if (role.containsKey(optional) && !role.isNull(optional)) {
          if (!optional.equals("userProfile")) {
            date(role.getString(optional));
          }
          stored.add(optional, role.getString(optional));
        }
      }
      out.add(stored);
    }
    return out.build();
  }

  /** The role and org arrays that filters and access boundaries search. */
  private void deriveRoleColumns() {
    Object roles = columns.get("roles");
    Set<String> names = new LinkedHashSet<>();
    Set<String> orgs = new LinkedHashSet<>();
    if (roles instanceof RosterRecord.Jsonb json) {
      for (JsonValue value : Json.createReader(new StringReader(json.json())).readArray()) {
        names.add(value.asJsonObject().getString("role"));
        orgs.add(value.asJsonObject().getString("org"));
      }
    }
    columns.put("role_names", names.toArray(String[]::new));
    columns.put("role_org_sourced_ids", orgs.toArray(String[]::new));
    // Both columns are NOT NULL: an absent list is an empty one.
    if (columns.get("user_ids") == null) {
      columns.put("user_ids", new RosterRecord.Jsonb("[]"));
    }
    if (columns.get("agent_sourced_ids") == null) {
      columns.put("agent_sourced_ids", new String[0]);
    }
  }

  private String string(String name) {
    JsonValue value = body.get(name);
    return value instanceof JsonString s ? s.getString() : null;
  }

  private void problem(String field, String message) {
    problems.add(new FieldProblem(field, message));
  }
}
