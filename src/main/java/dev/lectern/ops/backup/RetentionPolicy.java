package dev.lectern.ops.backup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which backups retention keeps. Scheduled backups are thinned grandfather-father- son style: the
 * newest of each of the last {@code daily} days that have one, of the last {@code weekly} ISO weeks
 * and of the last {@code monthly} months (a backup can count for all three). Manual, pre-restore
 * and pre-migrate backups are kept by their own count, the newest {@code manual} of each kind. A
 * backup whose kind is unknown (an unreadable archive) is never deleted. Pure, so it is
 * unit-tested.
 */
public record RetentionPolicy(int daily, int weekly, int monthly, int manual, ZoneId zone) {

  /** A backup as retention sees it. */
  public record Candidate(String id, Instant created, String trigger) {}

  static final String SCHEDULE = "schedule";
  static final List<String> COUNTED = List.of("manual", "pre-restore", "pre-migrate");

  /** The ids to keep. */
  public Set<String> keep(List<Candidate> backups) {
    List<Candidate> newestFirst =
        backups.stream().sorted(Comparator.comparing(Candidate::created).reversed()).toList();
    Set<String> keep = new LinkedHashSet<>();
    List<Candidate> scheduled =
        newestFirst.stream().filter(b -> SCHEDULE.equals(b.trigger())).toList();
    keep.addAll(newestPer(scheduled, b -> LocalDate.ofInstant(b.created(), zone), daily));
    keep.addAll(newestPer(scheduled, this::isoWeek, weekly));
    keep.addAll(newestPer(scheduled, b -> YearMonth.from(b.created().atZone(zone)), monthly));
    for (String kind : COUNTED) {
      newestFirst.stream()
          .filter(b -> kind.equals(b.trigger()))
          .limit(Math.max(0, manual))
          .forEach(b -> keep.add(b.id()));
    }
    newestFirst.stream()
        .filter(b -> !SCHEDULE.equals(b.trigger()) && !COUNTED.contains(b.trigger()))
        .forEach(b -> keep.add(b.id()));
    return keep;
  }

  private String isoWeek(Candidate backup) {
    var date = backup.created().atZone(zone);
    return date.get(IsoFields.WEEK_BASED_YEAR) + "-W" + date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
  }

  /** The newest backup of each of the first {@code count} periods (input newest first). */
  private static <P> List<String> newestPer(
      List<Candidate> newestFirst, Function<Candidate, P> period, int count) {
    Set<P> seen = new HashSet<>();
    List<String> kept = new java.util.ArrayList<>();
    for (Candidate backup : newestFirst) {
      if (seen.size() >= count) {
        break;
      }
      if (seen.add(period.apply(backup))) {
        kept.add(backup.id());
      }
    }
    return kept;
  }
}
