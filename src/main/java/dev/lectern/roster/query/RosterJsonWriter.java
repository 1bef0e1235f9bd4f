package dev.lectern.roster.query;

import dev.lectern.roster.model.Field;
import dev.lectern.roster.model.RosterType;
import java.nio.charset.StandardCharsets;
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
  private final Map<String, byte[]> hrefPrefixes = new HashMap<>();

  /** {@code baseUrl} ends with the OneRoster base path and a slash. */
  RosterJsonWriter(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Appends the current row; column {@code i + 1} holds {@code fields.get(i)}. */
  void writeRow(JsonBytes out, ResultSet row, List<Field> fields) throws SQLException {
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
        out.truncate(before);
      }
    }
    out.append('}');
  }

  /**
   * Appends one member; returns false (and the caller drops what was appended) when empty. Text and
   * jsonb columns are read as the UTF-8 bytes PostgreSQL sent.
   */
  private boolean write(JsonBytes out, Field field, ResultSet row, int column) throws SQLException {
    String name = field.name();
    switch (field.kind()) {
      case STRING -> {
        byte[] value = row.getBytes(column);
        if (value == null) {
          return false;
        }
        out.key(name).append('"').escaped(value).append('"');
      }
      case DATETIME -> {
        Timestamp value = row.getTimestamp(column);
        if (value == null) {
          return false;
        }
        UtcMillis.append(out.key(name).append('"'), value.getTime()).append('"');
      }
      case DATE -> {
        java.sql.Date value = row.getDate(column);
        if (value == null) {
          return false;
        }
        out.key(name).append('"').ascii(value.toLocalDate().toString()).append('"');
      }
      case BOOLEAN_STRING -> {
        boolean value = row.getBoolean(column);
        if (row.wasNull()) {
          return false;
        }
        out.key(name).ascii(value ? "\"true\"" : "\"false\"");
      }
      case STRING_ARRAY -> {
        String[] values = strings(row.getArray(column));
        if (values == null || values.length == 0) {
          return false;
        }
        out.key(name).append('[');
        for (int i = 0; i < values.length; i++) {
          (i == 0 ? out : out.append(',')).string(values[i]);
        }
        out.append(']');
      }
      case JSON_OBJECT, JSON_ARRAY -> {
        byte[] value = row.getBytes(column);
        if (value == null) {
          return false;
        }
        out.key(name).raw(value);
      }
      case REF -> {
        byte[] id = row.getBytes(column);
        if (id == null) {
          return false;
        }
        writeRef(out.key(name), field.refType(), id);
      }
      case REF_ARRAY -> {
        String[] ids = strings(row.getArray(column));
        if (ids == null || ids.length == 0) {
          return false;
        }
        out.key(name).append('[');
        for (int i = 0; i < ids.length; i++) {
          writeRef(i == 0 ? out : out.append(','), field.refType(), utf8(ids[i]));
        }
        out.append(']');
      }
      case ROLES -> writeRoles(out.key(name), row.getBytes(column));
    }
    return true;
  }

  /** Roles are stored with the org as a sourcedId; shown with the org as a GUIDRef. */
  private void writeRoles(JsonBytes out, byte[] stored) {
    out.append('[');
    if (stored != null) {
      List<int[]> roles = StoredRoles.parse(stored);
      for (int i = 0; i < roles.size(); i++) {
        writeRole(i == 0 ? out : out.append(','), stored, roles.get(i));
      }
    }
    out.append(']');
  }

  /** One role located by {@link StoredRoles}: its values are copied still escaped. */
  private void writeRole(JsonBytes out, byte[] stored, int[] role) {
    out.ascii("{\"roleType\":\"").raw(stored, role[0], role[1]);
    out.ascii("\",\"role\":\"").raw(stored, role[2], role[3]);
    writeEscapedRef(out.ascii("\",\"org\":"), "org", stored, role[4], role[5]);
    for (int i = 3; i < StoredRoles.MEMBERS.size(); i++) {
      if (role[2 * i] >= 0) {
        out.append(',').key(StoredRoles.MEMBERS.get(i)).append('"');
        out.raw(stored, role[2 * i], role[2 * i + 1]).append('"');
      }
    }
    out.append('}');
  }

  /** A GUIDRef for an id as PostgreSQL sent it. */
  private void writeRef(JsonBytes out, String refType, byte[] id) {
    out.ascii("{\"href\":\"").raw(hrefPrefix(refType)).escaped(id);
    out.ascii("\",\"sourcedId\":\"").escaped(id);
    out.ascii("\",\"type\":\"").ascii(refType).ascii("\"}");
  }

  /** A GUIDRef for an id already escaped, found in {@code json} from {@code from} to {@code to}. */
  private void writeEscapedRef(JsonBytes out, String refType, byte[] json, int from, int to) {
    out.ascii("{\"href\":\"").raw(hrefPrefix(refType)).raw(json, from, to);
    out.ascii("\",\"sourcedId\":\"").raw(json, from, to);
    out.ascii("\",\"type\":\"").ascii(refType).ascii("\"}");
  }

  /** The escaped href of a type's collection, ending with a slash. */
  private byte[] hrefPrefix(String refType) {
    return hrefPrefixes.computeIfAbsent(
        refType,
        type ->
            new JsonBytes(128)
                .escaped(baseUrl + RosterType.ofRefType(type).plural() + "/")
                .toByteArray());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String[] strings(Array array) throws SQLException {
    return array == null ? null : (String[]) array.getArray();
  }
}
