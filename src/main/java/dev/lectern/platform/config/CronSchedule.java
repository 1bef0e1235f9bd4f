package dev.lectern.platform.config;

import jakarta.ejb.ScheduleExpression;

/**
 * Schedules as operators write them: six fields, {@code second minute hour day-of-month month
 * day-of-week} in the server's time zone, each in EJB calendar syntax ({@code *}, lists, ranges,
 * {@code *}{@code /n}), e.g. {@code 0 0 2 * * *} for 02:00 every day; {@code off} for none.
 */
public final class CronSchedule {

  /** The schedule that turns a timer off. */
  public static final String OFF = "off";

  private CronSchedule() {}

  /**
   * The schedule as stored with its timer: fields separated by one space, or {@link #OFF}; throws
   * when it does not parse, naming what is wrong.
   */
  public static String normalise(String text) {
    String normalised = String.join(" ", text.trim().split("\\s+"));
    if (OFF.equalsIgnoreCase(normalised)) {
      return OFF;
    }
    parse(normalised);
    return normalised;
  }

  /** Parses a schedule; the message names what is wrong. */
  public static ScheduleExpression parse(String text) {
    String[] fields = text.trim().split("\\s+");
    if (fields.length != 6) {
      throw new IllegalArgumentException(
          "schedule '"
              + text
              + "' needs six fields: second minute hour day-of-month month day-of-week");
    }
    for (String field : fields) {
      if (!field.matches("[0-9A-Za-z*/,\\-]+")) {
        throw new IllegalArgumentException("schedule field '" + field + "' is not valid");
      }
    }
    return new ScheduleExpression()
        .second(fields[0])
        .minute(fields[1])
        .hour(fields[2])
        .dayOfMonth(fields[3])
        .month(fields[4])
        .dayOfWeek(fields[5]);
  }
}
