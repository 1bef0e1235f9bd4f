package dev.lectern.platform.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Times a client sends in a URL, such as {@code since=2026-11-24T06:00:00Z}: ISO 8601 in UTC, years
 * 1 to 9999. PostgreSQL stores no later timestamp, so a larger year is bad input, not a failure of
 * the database.
 */
public final class UtcInstants {

  private UtcInstants() {}

  public static Optional<Instant> parse(String text) {
    try {
      Instant instant = Instant.parse(text);
      int year = instant.atZone(ZoneOffset.UTC).getYear();
      return year >= 1 && year <= 9999 ? Optional.of(instant) : Optional.empty();
    } catch (DateTimeParseException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
