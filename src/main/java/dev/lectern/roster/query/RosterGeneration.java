package dev.lectern.roster.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The roster's generation: one counter that keys every cached roster read, so a change to roster
 * rows makes every older cached page, count and anchor unreachable on every replica at once ({@link
 * RosterPaging} reads it). Every writer of roster rows (the admin API, imports, restores, the demo
 * loader) bumps it through here, in the transaction of its change or right after it commits. The
 * table lives in {@code public} and is named so, because a restore bumps it while its search path
 * starts with a shadow schema.
 */
public final class RosterGeneration {

  /** Counts the generation up; only ever up, so a cache key is never reused. */
  public static final String BUMP_SQL =
      "UPDATE public.roster_generation SET value = value + 1 WHERE id = 1";

  private RosterGeneration() {}

  /** Bumps the generation on {@code connection}, in whatever transaction it is in. */
  public static void bump(Connection connection) throws SQLException {
    try (PreparedStatement bump = connection.prepareStatement(BUMP_SQL)) {
      bump.executeUpdate();
    }
  }
}
