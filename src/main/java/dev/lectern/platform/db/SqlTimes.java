package dev.lectern.platform.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** A {@code timestamptz} read by a native query, whichever Java type the driver chose. */
public final class SqlTimes {

  private SqlTimes() {}

  /** The instant, or null for SQL NULL. */
  public static Instant instant(Object value) {
    if (value == null || value instanceof Instant) {
      return (Instant) value;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    return ((Timestamp) value).toInstant();
  }
}
