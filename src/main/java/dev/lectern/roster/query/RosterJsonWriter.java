package dev.lectern.roster.query;

import dev.lectern.roster.model.Field;
import dev.lectern.roster.model.RosterType;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/**
 * Writes rows as OneRoster JSON straight from the result set: GUIDRefs with hrefs, booleans as the
 * spec's strings, dates and times in ISO 8601 UTC, empty values left out. JSONB columns are copied
 * as PostgreSQL wrote them; only roles are read ({@link StoredRoles}), to turn each org id into a
 * GUIDRef.
 */
final class RosterJsonWriter {

  private static final byte[] SOURCED_ID = ascii("\",\"sourcedId\":\"");
  private static final byte[] ROLE_TYPE = ascii("{\"roleType\":\"");
  private static final byte[] ROLE = ascii("\",\"role\":\"");
  private static final byte[] ORG = ascii("\",\"org\":");

  private final String baseUrl;

  /** The selected fields that {@link #keys} and {@link #fieldRefParts} were prepared for. */
  private List<Field> keyedFields;

  /** {@code "name":} of each selected field; the same on every row. */
  private byte[][] keys;

  /** The GUIDRef parts of each selected field that refers to objects, null for the others. */
  private byte[][][] fieldRefParts;

  /** The GUIDRef parts of the org in each role, made on the first role. */
  private byte[][] roleOrgRefParts;

  /** {@code baseUrl} ends with the OneRoster base path and a slash. */
  RosterJsonWriter(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Appends the current row; column {@code i + 1} holds {@code fields.get(i)}. */
  void writeRow(JsonBytes out, ResultSet row, List<Field> fields) throws SQLException {
    if (fields != keyedFields) {
      prepare(fields);
    }
    out.append('{');
    boolean first = true;
    for (int i = 0; i < fields.size(); i++) {
      int before = out.length();
      if (!first) {
        out.append(',');
      }
      if (write(out.raw(keys[i]), fields.get(i), fieldRefParts[i], row, i + 1)) {
        first = false;
      } else {
        out.truncate(before);
      }
    }
    out.append('}');
  }

  private void prepare(List<Field> fields) {
    keys = new byte[fields.size()][];
    fieldRefParts = new byte[fields.size()][][];
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      keys[i] = new JsonBytes(32).key(field.name()).toByteArray();
      fieldRefParts[i] = field.refType() == null ? null : refParts(field.refType());
    }
    keyedFields = fields;
  }

  /**
   * Appends one member's value after its key; returns false (and the caller drops the key) when
   * empty. Text and jsonb columns are read as the UTF-8 bytes PostgreSQL sent.
   */
  private boolean write(JsonBytes out, Field field, byte[][] refParts, ResultSet row, int column)
      throws SQLException {
    switch (field.kind()) {
      case STRING -> {
        byte[] value = row.getBytes(column);
        if (value == null) {
          return false;
        }
        out.append('"').escaped(value).append('"');
      }
      case DATETIME -> {
        Timestamp value = row.getTimestamp(column);
        if (value == null) {
          return false;
        }
        UtcMillis.append(out.append('"'), value.getTime()).append('"');
      }
      case DATE -> {
        java.sql.Date value = row.getDate(column);
        if (value == null) {
          return false;
        }
        out.append('"').ascii(value.toLocalDate().toString()).append('"');
      }
      case BOOLEAN_STRING -> {
        boolean value = row.getBoolean(column);
        if (row.wasNull()) {
          return false;
        }
        out.ascii(value ? "\"true\"" : "\"false\"");
      }
      case STRING_ARRAY -> {
        String[] values = strings(row.getArray(column));
        if (values == null || values.length == 0) {
          return false;
        }
        out.append('[');
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
        out.raw(value);
      }
      case REF -> {
        byte[] id = row.getBytes(column);
        if (id == null) {
          return false;
        }
        writeRef(out, refParts, id);
      }
      case REF_ARRAY -> {
        String[] ids = strings(row.getArray(column));
        if (ids == null || ids.length == 0) {
          return false;
        }
        out.append('[');
        for (int i = 0; i < ids.length; i++) {
          writeRef(i == 0 ? out : out.append(','), refParts, utf8(ids[i]));
        }
        out.append(']');
      }
      case ROLES -> writeRoles(out, row.getBytes(column));
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
    out.raw(ROLE_TYPE).raw(stored, role[0], role[1]);
    out.raw(ROLE).raw(stored, role[2], role[3]);
    if (roleOrgRefParts == null) {
      roleOrgRefParts = refParts("org");
    }
    writeEscapedRef(out.raw(ORG), roleOrgRefParts, stored, role[4], role[5]);
    for (int i = 3; i < StoredRoles.MEMBERS.size(); i++) {
      if (role[2 * i] >= 0) {
        out.append(',').key(StoredRoles.MEMBERS.get(i)).append('"');
        out.raw(stored, role[2 * i], role[2 * i + 1]).append('"');
      }
    }
    out.append('}');
  }

  /** A GUIDRef for an id as PostgreSQL sent it. */
  private static void writeRef(JsonBytes out, byte[][] parts, byte[] id) {
    out.raw(parts[0]).escaped(id).raw(SOURCED_ID).escaped(id).raw(parts[1]);
  }

  /** A GUIDRef for an id already escaped, found in {@code json} from {@code from} to {@code to}. */
  private static void writeEscapedRef(
      JsonBytes out, byte[][] parts, byte[] json, int from, int to) {
    out.raw(parts[0]).raw(json, from, to).raw(SOURCED_ID).raw(json, from, to).raw(parts[1]);
  }

  /**
   * A GUIDRef's text before and after the escaped id: {@code {"href":"<collection url>/} and {@code
   * ","type":"<type>"}}.
   */
  private byte[][] refParts(String refType) {
    return new byte[][] {
      new JsonBytes(128)
          .ascii("{\"href\":\"")
          .escaped(baseUrl + RosterType.ofRefType(refType).plural() + "/")
          .toByteArray(),
      ascii("\",\"type\":\"" + refType + "\"}")
    };
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String[] strings(Array array) throws SQLException {
    return array == null ? null : (String[]) array.getArray();
  }
}
