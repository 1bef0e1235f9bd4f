package dev.lectern.platform.retention;

import dev.lectern.platform.db.Jdbc;
import dev.lectern.platform.db.SqlWork;
import java.util.Arrays;

/**
 * Deletes old rows a batch at a time: each batch is its own short transaction with a lock timeout,
 * so a sweep never holds locks that readers or writers queue behind, and a cancelled or failed
 * sweep keeps what it already deleted.
 */
public final class PurgeBatches {

  private static final SqlWork<Void> NOTHING = session -> null;

  private final Jdbc jdbc;
  private final int size;
  private final long lockTimeoutMillis;
  private final Runnable checkpoint;
  private long batches;
  private long rows;

  public PurgeBatches(Jdbc jdbc, int size, long lockTimeoutMillis, Runnable checkpoint) {
    this.jdbc = jdbc;
    this.size = size;
    this.lockTimeoutMillis = lockTimeoutMillis;
    this.checkpoint = checkpoint;
  }

  /** Deletes the rows of {@code table} that {@code where} matches. */
  public long delete(String table, String where, Object... params) {
    return delete(table, where, NOTHING, params);
  }

  /** The same, running {@code afterBatch} in each batch's transaction when it deleted rows. */
  public long delete(String table, String where, SqlWork<?> afterBatch, Object... params) {
    return repeat(
        "WITH gone AS (DELETE FROM "
            + table
            + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM "
            + table
            + " WHERE ("
            + where
            + ") LIMIT ?)) RETURNING 1) SELECT count(*) FROM gone",
        afterBatch,
        params);
  }

  /**
   * Runs {@code sql}, a query that changes at most as many rows as its last parameter (the batch
   * size, appended here) and answers how many it changed, until a run changes fewer; answers the
   * rows changed in all.
   */
  public long repeat(String sql, SqlWork<?> afterBatch, Object... params) {
    Object[] bound = Arrays.copyOf(params, params.length + 1);
    bound[params.length] = size;
    long total = 0;
    while (true) {
      checkpoint.run();
      long changed =
          jdbc.inTransaction(
              session -> {
                session.first(
                    "SELECT set_config('lock_timeout', ?, true)",
                    row -> null,
                    lockTimeoutMillis + "ms");
                long rows = session.queryLong(sql, bound);
                if (rows > 0) {
                  afterBatch.run(session);
                }
                return rows;
              });
      if (changed > 0) {
        batches++;
        rows += changed;
      }
      total += changed;
      if (changed < size) {
        return total;
      }
    }
  }

  /** Rows deleted so far, by every call on these batches. */
  public long rows() {
    return rows;
  }

  /** Batches that deleted rows so far. */
  public long batches() {
    return batches;
  }
}
