package dev.lectern.roster.query;

import dev.lectern.roster.model.Field;
import dev.lectern.roster.model.RosterType;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes rows as OneRoster JSON straight from the result set: GUIDRefs with hrefs, booleans as the
 * spec's strings, dates and times in ISO 8601 UTC, empty values left out.
 */
final class RosterJsonWriter {

  private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ISO_INSTANT;

  /** Looked up once: {@code Json.createXxx} searches for the provider on every call. */
  static final JsonProvider JSON = JsonProvider.provider();

  private final String baseUrl;

  /** {@code baseUrl} ends with the OneRoster base path and a slash. */
  RosterJsonWriter(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Writes the current row; column {@code i + 1} holds {@code fields.get(i)}. */
  void writeRow(JsonGenerator json, ResultSet row, List<Field> fields) throws SQLException {
    json.writeStartObject();
    for (int i = 0; i < fields.size(); i++) {
      write(json, fields.get(i), row, i + 1);
    }
    json.writeEnd();
  }

  private void write(JsonGenerator json, Field field, ResultSet row, int column)
      throws SQLException {
    String name = field.name();
    switch (field.kind()) {
      case STRING -> {
        String value = row.getString(column);
        if (value != null) {
          json.write(name, value);
        }
      }
      case DATETIME -> {
        Timestamp value = row.getTimestamp(column);
        if (value != null) {
          json.write(name, UTC_MILLIS.format(value.toInstant().truncatedTo(ChronoUnit.MILLIS)));
        }
      }
      case DATE -> {
        java.sql.Date value = row.getDate(column);
        if (value != null) {
          json.write(name, value.toLocalDate().toString());
        }
      }
      case BOOLEAN_STRING -> {
        boolean value = row.getBoolean(column);
        if (!row.wasNull()) {
          json.write(name, Boolean.toString(value));
        }
      }
      case STRING_ARRAY -> {
        String[] values = strings(row.getArray(column));
        if (values != null && values.length > 0) {
          json.writeStartArray(name);
          for (String value : values) {
            json.write(value);
          }
          json.writeEnd();
        }
      }
      case JSON_OBJECT, JSON_ARRAY -> {
        String value = row.getString(column);
        if (value != null) {
          json.write(name, parse(value));
        }
      }
      case REF -> {
        String id = row.getString(column);
        if (id != null) {
          json.writeStartObject(name);
          writeRef(json, field.refType(), id);
          json.writeEnd();
        }
      }
      case REF_ARRAY -> {
        String[] ids = strings(row.getArray(column));
        if (ids != null && ids.length > 0) {
          json.writeStartArray(name);
          for (String id : ids) {
            json.writeStartObject();
            writeRef(json, field.refType(), id);
            json.writeEnd();
          }
          json.writeEnd();
        }
      }
      case ROLES -> writeRoles(json, name, row.getString(column));
    }
  }

  /** Roles are stored with the org as a sourcedId and shown with a GUIDRef. */
  private void writeRoles(JsonGenerator json, String name, String stored) {
    json.writeStartArray(name);
    for (JsonValue value : parse(stored).asJsonArray()) {
      var role = value.asJsonObject();
      json.writeStartObject();
      json.write("roleType", role.getString("roleType"));
      json.write("role", role.getString("role"));
      json.writeStartObject("org");
      writeRef(json, "org", role.getString("org"));
      json.writeEnd();
      for (String optional : new String[] {"userProfile", "beginDate", "endDate"}) {
        if (role.containsKey(optional) && !role.isNull(optional)) {
          json.write(optional, role.getString(optional));
        }
      }
      json.writeEnd();
    }
    json.writeEnd();
  }

  private void writeRef(JsonGenerator json, String refType, String id) {
    json.write("href", baseUrl + RosterType.ofRefType(refType).plural() + "/" + id);
    json.write("sourcedId", id);
    json.write("type", refType);
  }

  private static String[] strings(Array array) throws SQLException {
    return array == null ? null : (String[]) array.getArray();
  }

  private static JsonValue parse(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
