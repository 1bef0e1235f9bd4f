package dev.lectern.roster.write;

import dev.lectern.platform.db.Direct;
import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.retention.PurgeBatches;
import dev.lectern.platform.retention.RetentionPurge;
import dev.lectern.roster.model.RosterType;
import dev.lectern.roster.query.RosterGeneration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;

/**
 * Roster records marked {@code tobedeleted} more than {@code ONEROSTER_TOMBSTONE_DAYS} ago are
 * deleted for good: a consumer whose delta sync is older than that no longer learns of these
 * deletions and must sync in full. Each batch bumps the roster generation, so no cached total or
 * page anchor outlives the rows it counted.
 */
@ApplicationScoped
public class TombstonePurge implements RetentionPurge {

  private static final String OLD =
      "status = 'tobedeleted' AND date_last_modified < now() - make_interval(days => ?)";

  @Inject RosterWriteConfig config;
  @Inject @Direct Jdbc jdbc;

  @Override
  public String category() {
    return "roster-tombstones";
  }

  @Override
  public String keeps() {
    return "deleted roster records (status tobedeleted) for "
        + config.tombstoneDays()
        + " days (ONEROSTER_TOMBSTONE_DAYS); a delta sync older than that must sync in full";
  }

  @Override
  public long count() {
    long rows = 0;
    for (String table : tables()) {
      rows +=
          jdbc.queryLong("SELECT count(*) FROM " + table + " WHERE " + OLD, config.tombstoneDays());
    }
    return rows;
  }

  @Override
  public long purge(PurgeBatches batches) {
    long rows = 0;
    for (String table : tables()) {
      rows +=
          batches.delete(
              table,
              OLD,
              session -> {
                RosterGeneration.bump(session.connection());
                return null;
              },
              config.tombstoneDays());
    }
    return rows;
  }

  private static List<String> tables() {
    return Arrays.stream(RosterType.values()).map(RosterType::table).distinct().toList();
  }
}
