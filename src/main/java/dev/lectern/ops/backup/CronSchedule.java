package dev.lectern.ops.backup;

import jakarta.ejb.ScheduleExpression;

/**
 * Schedules as operators write them: six fields, {@code second minute hour day-of-month month
 * day-of-week} in the server's time zone, each in EJB calendar syntax ({@code *}, lists, ranges,
 * {@code *}{@code /n}), e.g. {@code 0 0 2 * * *} for 02:00 every day; {@code off} for none.
 */
public final class CronSchedule {

  static final String OFF = "off";
  static final String BACKUP = "backup";
  static final String DRILL = "drill";
  static final String RETENTION = "retention";

  private CronSchedule() {}

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
