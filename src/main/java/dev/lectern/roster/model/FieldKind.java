package dev.lectern.roster.model;

/** How a field is stored, rendered and filtered. */
public enum FieldKind {
  /** Text column. */
  STRING,
  /** {@code timestamptz}, rendered as ISO 8601 UTC with milliseconds. */
  DATETIME,
  /** {@code date}, rendered {@code YYYY-MM-DD}. */
  DATE,
  /** {@code boolean}, rendered as the string {@code "true"} or {@code "false"} as the spec says. */
  BOOLEAN_STRING,
  /** {@code text[]}. */
  STRING_ARRAY,
  /** A free JSON object ({@code metadata}). */
  JSON_OBJECT,
  /** A sourcedId column rendered as a GUIDRef {@code {href, sourcedId, type}}. */
  REF,
  /** A sourcedId array rendered as GUIDRefs. */
  REF_ARRAY,
  /** A JSONB array of objects rendered as is ({@code userIds}). */
  JSON_ARRAY,
  /** A user's roles: JSONB whose {@code org} is a sourcedId, rendered with GUIDRefs. */
  ROLES
}
