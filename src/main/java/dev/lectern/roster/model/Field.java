package dev.lectern.roster.model;

/**
 * One field of a OneRoster type: its JSON name, the SQL expression that reads it, its kind and, for
 * references, the type of object referred to.
 *
 * @param filterColumn the column filters compare against; for roles and references the array or id
 *     column that makes the comparison an index lookup
 */
public record Field(
    String name, String select, FieldKind kind, String refType, String filterColumn) {

  public static Field of(String name, String column, FieldKind kind) {
    return new Field(name, column, kind, null, column);
  }

  public static Field ref(String name, String column, String refType) {
    return new Field(name, column, FieldKind.REF, refType, column);
  }

  public static Field refs(String name, String select, String refType) {
    return new Field(name, select, FieldKind.REF_ARRAY, refType, select);
  }

  public boolean sortable() {
    return switch (kind) {
      case STRING, DATETIME, DATE, BOOLEAN_STRING, REF -> true;
      default -> false;
    };
  }
}
