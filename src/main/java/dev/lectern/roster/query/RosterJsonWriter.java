package dev.lectern.roster.query;

import dev.lectern.roster.model.Field;
import dev.lectern.roster.model.RosterType;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes rows as OneRoster JSON straight from the result set: GUIDRefs with hrefs, booleans as the
 * spec's strings, dates and times in ISO 8601 UTC, empty values left out. JSONB columns are copied
 * as PostgreSQL wrote them; only roles are read, to turn each org id into a GUIDRef.
 */
final class RosterJsonWriter {

  private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ISO_INSTANT;
  private static final JsonProvider JSON = JsonProvider.provider();
  private static final List<String> OPTIONAL_ROLE_FIELDS =
      List.of("userProfile", "beginDate", "endDate");

  private final String baseUrl;
  private final Map<String, String> hrefPrefixes = new HashMap<>();

  /** {@code baseUrl} ends with the OneRoster base path and a slash. */
  RosterJsonWriter(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Appends the current row; column {@code i + 1} holds {@code fields.get(i)}. */
  void writeRow(StringBuilder out, ResultSet row, List<Field> fields) throws SQLException {
    out.append('{');
    boolean first = true;
    for (int i = 0; i < fields.size(); i++) {
      int before = out.length();
      if (!first) {
        out.append(',');
      }
      if (write(out, fields.get(i), row, i + 1)) {
        first = false;
      } else {
        out.setLength(before);
      }
    }
    out.append('}');
  }

  /** Appends one member; returns false (and the caller drops what was appended) when empty. */
  private boolean write(StringBuilder out, Field field, ResultSet row, int column)
      throws SQLException {
    String name = field.name();
    switch (field.kind()) {
      case STRING -> {
        String value = row.getString(column);
        if (value == null) {
          return false;
        }
        JsonText.string(JsonText.key(out, name), value);
      }
      case DATETIME -> {
        Timestamp value = row.getTimestamp(column);
        if (value == null) {
          return false;
        }
        String text = UTC_MILLIS.format(value.toInstant().truncatedTo(ChronoUnit.MILLIS));
        JsonText.string(JsonText.key(out, name), text);
      }
      case DATE -> {
        java.sql.Date value = row.getDate(column);
        if (value == null) {
          return false;
        }
        JsonText.string(JsonText.key(out, name), value.toLocalDate().toString());
      }
      case BOOLEAN_STRING -> {
        boolean value = row.getBoolean(column);
        if (row.wasNull()) {
          return false;
        }
        JsonText.key(out, name).append(value ? "\"true\"" : "\"false\"");
      }
      case STRING_ARRAY -> {
        String[] values = strings(row.getArray(column));
        if (values == null || values.length == 0) {
          return false;
        }
        JsonText.key(out, name).append('[');
        for (int i = 0; i < values.length; i++) {
          JsonText.string(i == 0 ? out : out.append(','), values[i]);
        }
        out.append(']');
      }
      case JSON_OBJECT, JSON_ARRAY -> {
        String value = row.getString(column);
        if (value == null) {
          return false;
        }
        JsonText.key(out, name).append(value);
      }
      case REF -> {
        String id = row.getString(column);
        if (id == null) {
          return false;
        }
        writeRef(JsonText.key(out, name), field.refType(), id);
      }
      case REF_ARRAY -> {
        String[] ids = strings(row.getArray(column));
        if (ids == null || ids.length == 0) {
          return false;
        }
        JsonText.key(out, name).append('[');
        for (int i = 0; i < ids.length; i++) {
          writeRef(i == 0 ? out : out.append(','), field.refType(), ids[i]);
        }
        out.append(']');
      }
      case ROLES -> writeRoles(JsonText.key(out, name), row.getString(column));
    }
    return true;
  }

  /**
   * Roles are stored as a JSONB array of flat objects whose {@code org} is a sourcedId; they are
   * streamed, not parsed into objects, and shown with the org as a GUIDRef.
   */
  private void writeRoles(StringBuilder out, String stored) {
    out.append('[');
    if (stored != null) {
      try (JsonParser parser = JSON.createParser(new StringReader(stored))) {
        String[] role = new String[3 + OPTIONAL_ROLE_FIELDS.size()];
        String key = null;
        boolean firstRole = true;
        while (parser.hasNext()) {
          switch (parser.next()) {
            case START_OBJECT -> Arrays.fill(role, null);
            case KEY_NAME -> key = parser.getString();
            case VALUE_STRING -> {
              int slot = slot(key);
              if (slot >= 0) {
                role[slot] = parser.getString();
              }
            }
            case END_OBJECT -> {
              writeRole(firstRole ? out : out.append(','), role);
              firstRole = false;
            }
            default -> {}
          }
        }
      }
    }
    out.append(']');
  }

  private static int slot(String key) {
    return switch (key) {
      case "roleType" -> 0;
      case "role" -> 1;
      case "org" -> 2;
      default -> {
        int optional = OPTIONAL_ROLE_FIELDS.indexOf(key);
        yield optional < 0 ? -1 : 3 + optional;
      }
    };
  }

  private void writeRole(StringBuilder out, String[] role) {
    JsonText.string(JsonText.key(out.append('{'), "roleType"), role[0]);
    JsonText.string(JsonText.key(out.append(','), "role"), role[1]);
    writeRef(JsonText.key(out.append(','), "org"), "org", role[2]);
    for (int i = 0; i < OPTIONAL_ROLE_FIELDS.size(); i++) {
      if (role[3 + i] != null) {
        JsonText.string(JsonText.key(out.append(','), OPTIONAL_ROLE_FIELDS.get(i)), role[3 + i]);
      }
    }
    out.append('}');
  }

  private void writeRef(StringBuilder out, String refType, String id) {
    out.append("{\"href\":");
    String prefix =
        hrefPrefixes.computeIfAbsent(
            refType, type -> baseUrl + RosterType.ofRefType(type).plural() + "/");
    JsonText.string(out, prefix + id);
    JsonText.string(out.append(",\"sourcedId\":"), id);
    out.append(",\"type\":\"").append(refType).append("\"}");
  }

  private static String[] strings(Array array) throws SQLException {
    return array == null ? null : (String[]) array.getArray();
  }
}
