package dev.lectern.roster.write;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record ready to be written: its sourcedId, status, and a value per column (strings, booleans,
 * dates, {@code String[]} for arrays, {@link Jsonb} for JSONB), in column order.
 */
record RosterRecord(String sourcedId, String status, Map<String, Object> columns) {

  /** JSON text to be bound as {@code jsonb}. */
  record Jsonb(String json) {}

  RosterRecord {
    columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }
}
