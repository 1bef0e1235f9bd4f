package dev.lectern.roster.imports;

import java.util.Set;

/**
 * One column of a OneRoster CSV file: its header, the staging column it fills (named as the roster
 * table's column), how it is checked, and whether a value is required in an active row.
 */
record CsvColumn(
    String header, String column, ColumnKind kind, boolean required, Set<String> values) {

  static CsvColumn text(String header, String column) {
    return new CsvColumn(header, column, ColumnKind.TEXT, false, Set.of());
  }

  static CsvColumn required(String header, String column) {
    return new CsvColumn(header, column, ColumnKind.TEXT, true, Set.of());
  }

  static CsvColumn of(String header, String column, ColumnKind kind, boolean required) {
    return new CsvColumn(header, column, kind, required, Set.of());
  }

  static CsvColumn oneOf(String header, String column, boolean required, Set<String> values) {
    return new CsvColumn(header, column, ColumnKind.ENUM, required, values);
  }

  static CsvColumn ignored(String header) {
    return new CsvColumn(header, null, ColumnKind.IGNORED, false, Set.of());
  }

  boolean stored() {
    return kind != ColumnKind.IGNORED;
  }
}
