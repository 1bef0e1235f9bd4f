package dev.lectern.control.jobs;

import dev.lectern.platform.db.AdvisoryLock;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@code job} and {@code job_problem} tables. Runs outside JTA on the direct data source, so a
 * job's progress commits at once whatever transaction the job's own work is in.
 */
@ApplicationScoped
public class JobRepository {

  private static final String COLUMNS =
      "id, type, state, created_at, created_by, started_at, finished_at, heartbeat_at, owner,"
          + " batch_execution_id, attempts, cancel_requested, input::text, phase, progress,"
          + " rows_done, counts::text, problem_count, message";

  private static final String INSERT =
      "INSERT INTO job (id, type, state, created_at, created_by, input)"
          + " VALUES (?, ?, 'waiting', now(), ?, CAST(? AS jsonb))";

  @Resource(lookup = "jdbc/lecternDirect")
  DataSource dataSource;

  /** Inserts a waiting job, under {@link AdvisoryLock#JOB_SUBMIT} like every insert. */
  public void insert(UUID id, JobType type, String createdBy, String inputJson)
      throws SQLException {
    insertUnlessBusy(id, type, createdBy, inputJson, Set.of());
  }

  /**
   * Inserts a waiting job unless one of the {@code conflicting} types is waiting or active, and
   * answers the conflicting type it found; check and insert hold {@link AdvisoryLock#JOB_SUBMIT}.
   */
  public Optional<JobType> insertUnlessBusy(
      UUID id, JobType type, String createdBy, String inputJson, Set<JobType> conflicting)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        prepareAndRun(c, "SELECT pg_advisory_xact_lock(?)", AdvisoryLock.JOB_SUBMIT.id());
        Optional<JobType> busy = Optional.empty();
        try (PreparedStatement s =
                prepare(
                    c,
                    "SELECT type FROM job WHERE state IN ('waiting', 'active')"
                        + " AND type = ANY (?) ORDER BY type LIMIT 1",
                    c.createArrayOf("text", conflicting.stream().map(JobType::label).toArray()));
            ResultSet rows = s.executeQuery()) {
          if (rows.next()) {
            busy = JobType.fromLabel(rows.getString(1));
          }
        }
        if (busy.isEmpty()) {
          prepareAndRun(c, INSERT, id, type.label(), createdBy, inputJson);
        }
        c.commit();
        return busy;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  public Optional<Job> find(UUID id) throws SQLException {
    List<Job> jobs = query("SELECT " + COLUMNS + " FROM job WHERE id = ?", id);
    return jobs.stream().findFirst();
  }

  /** Newest first; each filter may be null. */
  public List<Job> list(JobFilter filter, int limit, int offset) throws SQLException {
    List<Object> params = new ArrayList<>(filter.parameters());
    params.add(limit);
    params.add(offset);
    return query(
        "SELECT "
            + COLUMNS
            + " FROM job WHERE "
            + filter.where()
            + " ORDER BY created_at DESC, id"
            + " LIMIT ? OFFSET ?",
        params.toArray());
  }

  public long count(JobFilter filter) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            prepare(
                c,
                "SELECT count(*) FROM job WHERE " + filter.where(),
                filter.parameters().toArray());
        ResultSet rows = s.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /**
   * Marks up to {@code room} of the oldest waiting jobs of a type active for {@code owner}, where
   * room is the type's concurrency minus its active jobs across the cluster.
   */
  public List<UUID> claim(JobType type, int concurrency, String owner) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        prepareAndRun(c, "SELECT pg_advisory_xact_lock(?)", AdvisoryLock.JOB_CLAIM.id());
        long active;
        try (PreparedStatement s =
                prepare(
                    c,
                    "SELECT count(*) FROM job WHERE type = ? AND state = 'active'",
                    type.label());
            ResultSet rows = s.executeQuery()) {
          rows.next();
          active = rows.getLong(1);
        }
        List<UUID> claimed = new ArrayList<>();
        if (active < concurrency) {
          try (PreparedStatement s =
                  prepare(
                      c,
                      "UPDATE job SET state = 'active', owner = ?, started_at = now(),"
                          + " heartbeat_at = now(), attempts = attempts + 1, phase = 'starting'"
                          + " WHERE id IN (SELECT id FROM job WHERE type = ? AND state = 'waiting'"
                          + " ORDER BY created_at, id LIMIT ?) RETURNING id",
                      owner,
                      type.label(),
                      concurrency - active);
              ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
              claimed.add(rows.getObject(1, UUID.class));
            }
          }
        }
        c.commit();
        return claimed;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  public void started(UUID id, long executionId) throws SQLException {
    update("UPDATE job SET batch_execution_id = ? WHERE id = ?", executionId, id);
  }

  public void heartbeat(Collection<UUID> ids) throws SQLException {
    if (!ids.isEmpty()) {
      try (Connection c = dataSource.getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "UPDATE job SET heartbeat_at = now() WHERE state = 'active' AND id = ANY(?)")) {
        s.setArray(1, uuids(c, ids));
        s.executeUpdate();
      }
    }
  }

  /** Fails active jobs whose replica stopped heartbeating; answers their ids. */
  public Set<UUID> activeIds() throws SQLException {
    Set<UUID> ids = new HashSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = prepare(c, "SELECT id FROM job WHERE state = 'active'");
        ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getObject(1, UUID.class));
      }
    }
    return ids;
  }

  public List<UUID> failStale(long timeoutSeconds) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            prepare(
                c,
                "UPDATE job SET state = 'failed', finished_at = now(), message = ?"
                    + " WHERE state = 'active' AND heartbeat_at < now() - make_interval(secs => ?)"
                    + " RETURNING id",
                "interrupted: the server running it stopped (no heartbeat for "
                    + timeoutSeconds
                    + " s); retry it",
                (double) timeoutSeconds);
        ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getObject(1, UUID.class));
      }
    }
    return ids;
  }

  public void progress(UUID id, String phase, int percent, long rowsDone, String countsJson)
      throws SQLException {
    update(
        "UPDATE job SET phase = ?, progress = ?, rows_done = ?, counts = CAST(? AS jsonb)"
            + " WHERE id = ? AND state = 'active'",
        phase,
        Math.max(0, Math.min(100, percent)),
        rowsDone,
        countsJson,
        id);
  }

  /** Stores problems after the {@code stored} already kept, up to {@code cap} in all. */
  public void addProblems(UUID id, List<JobProblem> problems, int stored, int cap)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      int room = Math.max(0, cap - stored);
      if (room > 0) {
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO job_problem (job_id, seq, file, row_no, field, message)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
          int seq = stored;
          for (JobProblem p : problems.subList(0, Math.min(room, problems.size()))) {
            s.setObject(1, id);
            s.setInt(2, ++seq);
            s.setString(3, p.file());
            s.setObject(4, p.row());
            s.setString(5, p.field());
            s.setString(6, p.message());
            s.addBatch();
          }
          s.executeBatch();
        }
      }
      prepareAndRun(
          c, "UPDATE job SET problem_count = problem_count + ? WHERE id = ?", problems.size(), id);
    }
  }

  public List<JobProblem> problems(UUID id, int limit) throws SQLException {
    List<JobProblem> problems = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            prepare(
                c,
                "SELECT file, row_no, field, message FROM job_problem WHERE job_id = ?"
                    + " ORDER BY seq LIMIT ?",
                id,
                limit);
        ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        problems.add(
            new JobProblem(
                rows.getString(1),
                rows.getObject(2, Long.class),
                rows.getString(3),
                rows.getString(4)));
      }
    }
    return problems;
  }

  /** Records how an active job ended; false when it was no longer active. */
  public boolean finish(UUID id, JobState state, String message) throws SQLException {
    return update(
            "UPDATE job SET state = ?, finished_at = now(), message = ?,"
                + " progress = CASE WHEN ? THEN 100 ELSE progress END"
                + " WHERE id = ? AND state = 'active'",
            state.label(),
            message,
            state == JobState.COMPLETED,
            id)
        > 0;
  }

  /** Cancels a waiting job at once, or flags an active one for its replica to stop. */
  public Optional<JobState> requestCancel(UUID id) throws SQLException {
    update(
        "UPDATE job SET state = CASE WHEN state = 'waiting' THEN 'cancelled' ELSE state END,"
            + " finished_at = CASE WHEN state = 'waiting' THEN now() ELSE finished_at END,"
            + " cancel_requested = (state = 'active')"
            + " WHERE id = ? AND state IN ('waiting', 'active')",
        id);
    return find(id).map(Job::state);
  }

  public List<Job> cancelRequested(String owner) throws SQLException {
    return query(
        "SELECT " + COLUMNS + " FROM job WHERE state = 'active' AND cancel_requested AND owner = ?",
        owner);
  }

  /** Puts finished jobs matching the filter (failed or cancelled only) back in the queue. */
  public int retry(JobFilter filter) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<Object> params = filter.parameters();
        String matching =
            "SELECT id FROM job WHERE state IN ('failed', 'cancelled') AND " + filter.where();
        prepareAndRun(
            c, "DELETE FROM job_problem WHERE job_id IN (" + matching + ")", params.toArray());
        int retried =
            prepareAndRun(
                c,
                "UPDATE job SET state = 'waiting', cancel_requested = false, started_at = NULL,"
                    + " finished_at = NULL, heartbeat_at = NULL, owner = NULL,"
                    + " batch_execution_id = NULL, phase = NULL, progress = 0, rows_done = 0,"
                    + " counts = '{}', problem_count = 0, message = NULL"
                    + " WHERE id IN ("
                    + matching
                    + ")",
                params.toArray());
        c.commit();
        return retried;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /** Deletes finished jobs matching the filter; the caller restricts it to finished states. */
  public int delete(JobFilter filter) throws SQLException {
    return update(
        "DELETE FROM job WHERE state IN ('completed', 'failed', 'cancelled') AND " + filter.where(),
        filter.parameters().toArray());
  }

  /** Jobs per type and state, for metrics. */
  public List<Object[]> countsByTypeAndState() throws SQLException {
    List<Object[]> counts = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT type, state, count(*) FROM job GROUP BY type, state");
        ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        counts.add(new Object[] {rows.getString(1), rows.getString(2), rows.getLong(3)});
      }
    }
    return counts;
  }

  private List<Job> query(String sql, Object... params) throws SQLException {
    List<Job> jobs = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = prepare(c, sql, params);
        ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        jobs.add(job(rows));
      }
    }
    return jobs;
  }

  private int update(String sql, Object... params) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return prepareAndRun(c, sql, params);
    }
  }

  private static int prepareAndRun(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params)) {
      if (sql.startsWith("SELECT")) {
        s.executeQuery().close();
        return 0;
      }
      return s.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      s.setObject(i + 1, p instanceof Instant instant ? Timestamp.from(instant) : p);
    }
    return s;
  }

  private static Array uuids(Connection c, Collection<UUID> ids) throws SQLException {
    return c.createArrayOf("uuid", ids.toArray());
  }

  private static Job job(ResultSet r) throws SQLException {
    return new Job(
        r.getObject(1, UUID.class),
        JobType.fromLabel(r.getString(2)).orElseThrow(),
        JobState.fromLabel(r.getString(3)).orElseThrow(),
        instant(r.getTimestamp(4)),
        r.getString(5),
        instant(r.getTimestamp(6)),
        instant(r.getTimestamp(7)),
        instant(r.getTimestamp(8)),
        r.getString(9),
        r.getObject(10, Long.class),
        r.getInt(11),
        r.getBoolean(12),
        r.getString(13),
        r.getString(14),
        r.getInt(15),
        r.getLong(16),
        r.getString(17),
        r.getInt(18),
        r.getString(19));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
