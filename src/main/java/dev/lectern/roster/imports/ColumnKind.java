package dev.lectern.roster.imports;

/** How a CSV value is checked and what staging column type it becomes. */
enum ColumnKind {
  /** Free text. */
  TEXT("text"),
  /** One of a fixed set of values. */
  ENUM("text"),
  /** {@code YYYY-MM-DD}. */
  DATE("date"),
  /** {@code true} or {@code false}. */
  BOOLEAN("boolean"),
  /** A four-digit year. */
  YEAR("text"),
  /** A comma-separated list within one field. */
  LIST("text[]"),
  /** {@code {type:identifier},...}, stored as the JSON array the API serves. */
  USER_IDS("jsonb"),
  /** Read and dropped: roster users never log in, so a password is never stored. */
  IGNORED(null);

  private final String sqlType;

  ColumnKind(String sqlType) {
    this.sqlType = sqlType;
  }

  String sqlType() {
    return sqlType;
  }
}
