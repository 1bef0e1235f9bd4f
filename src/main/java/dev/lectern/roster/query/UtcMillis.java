package dev.lectern.roster.query;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Appends an instant as ISO 8601 UTC with millisecond precision, exactly as {@link
 * DateTimeFormatter#ISO_INSTANT} prints it after truncation to milliseconds ({@code
 * 2026-03-26T12:20:21.002Z}, no fraction when it is zero). Every row of every page has one, and the
 * general formatter cost more than the rest of the row's dates together.
 */
final class UtcMillis {

  private UtcMillis() {}

  static JsonBytes append(JsonBytes out, long epochMillis) {
    long seconds = Math.floorDiv(epochMillis, 1000);
    int millis = (int) Math.floorMod(epochMillis, 1000);
    LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    int year = time.getYear();
    if (year < 0 || year > 9999) {
      return out.ascii(DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(epochMillis)));
    }
    digits(out, year, 4).append('-');
    digits(out, time.getMonthValue(), 2).append('-');
    digits(out, time.getDayOfMonth(), 2).append('T');
    digits(out, time.getHour(), 2).append(':');
    digits(out, time.getMinute(), 2).append(':');
    digits(out, time.getSecond(), 2);
    if (millis != 0) {
      digits(out.append('.'), millis, 3);
    }
    return out.append('Z');
  }

  private static JsonBytes digits(JsonBytes out, int value, int width) {
    for (int divisor = width == 4 ? 1000 : width == 3 ? 100 : 10; divisor > 0; divisor /= 10) {
      out.append((char) ('0' + value / divisor % 10));
    }
    return out;
  }
}
