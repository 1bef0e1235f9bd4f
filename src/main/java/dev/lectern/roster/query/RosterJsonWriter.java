package dev.lectern.roster.query;

import dev.lectern.roster.model.Field;
import dev.lectern.roster.model.RosterType;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes rows as OneRoster JSON straight from the result set: GUIDRefs with hrefs, booleans as the
 * spec's strings, dates and times in ISO 8601 UTC, empty values left out. JSONB columns are copied
 * as PostgreSQL wrote them; only roles are read ({@link StoredRoles}), to turn each org id into a
 * GUIDRef.
 */
final class RosterJsonWriter {

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
        UtcMillis.append(JsonText.key(out, name).append('"'), value.getTime()).append('"');
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

  /** Roles are stored with the org as a sourcedId; shown with the org as a GUIDRef. */
  private void writeRoles(StringBuilder out, String stored) {
    out.append('[');
    if (stored != null) {
      List<String[]> roles = StoredRoles.parse(stored);
      for (int i = 0; i < roles.size(); i++) {
        writeRole(i == 0 ? out : out.append(','), roles.get(i));
      }
    }
    out.append(']');
  }

  /** One role from {@link StoredRoles}: its values are already escaped. */
  private void writeRole(StringBuilder out, String[] role) {
    out.append("{\"roleType\":\"").append(role[0]).append("\",\"role\":\"").append(role[1]);
    writeEscapedRef(out.append("\",\"org\":"), "org", role[2]);
    for (int i = 3; i < role.length; i++) {
      if (role[i] != null) {
        JsonText.key(out.append(','), StoredRoles.MEMBERS.get(i)).append('"').append(role[i]);
        out.append('"');
      }
    }
    out.append('}');
  }

  private void writeRef(StringBuilder out, String refType, String id) {
    out.append("{\"href\":\"").append(hrefPrefix(refType));
    JsonText.escaped(out, id).append("\",\"sourcedId\":\"");
    JsonText.escaped(out, id).append("\",\"type\":\"").append(refType).append("\"}");
  }

  private void writeEscapedRef(StringBuilder out, String refType, String escapedId) {
    out.append("{\"href\":\"").append(hrefPrefix(refType)).append(escapedId);
    out.append("\",\"sourcedId\":\"").append(escapedId);
    out.append("\",\"type\":\"").append(refType).append("\"}");
  }

  /** The escaped href of a type's collection, ending with a slash. */
  private String hrefPrefix(String refType) {
    return hrefPrefixes.computeIfAbsent(
        refType,
        type ->
            JsonText.escaped(
                    new StringBuilder(), baseUrl + RosterType.ofRefType(type).plural() + "/")
                .toString());
  }

  private static String[] strings(Array array) throws SQLException {
    return array == null ? null : (String[]) array.getArray();
  }
}
