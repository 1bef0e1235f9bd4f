package dev.lectern.control.jobs;

import dev.lectern.platform.db.AdvisoryLock;
import dev.lectern.platform.db.Direct;
import dev.lectern.platform.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

  @Inject @Direct Jdbc jdbc;

  /** Inserts a waiting job, under {@link AdvisoryLock#JOB_SUBMIT} like every insert. */
  public void insert(UUID id, JobType type, String createdBy, String inputJson) {
    insertUnlessBusy(id, type, createdBy, inputJson, Set.of());
  }

  /**
   * Inserts a waiting job unless one of the {@code conflicting} types is waiting or active, and
   * answers the conflicting type it found; check and insert hold {@link AdvisoryLock#JOB_SUBMIT}.
   */
  public Optional<JobType> insertUnlessBusy(
      UUID id, JobType type, String createdBy, String inputJson, Set<JobType> conflicting) {
    return jdbc.inTransaction(
        session -> {
          session.lock(AdvisoryLock.JOB_SUBMIT);
          Optional<JobType> busy =
              session
                  .first(
                      "SELECT type FROM job WHERE state IN ('waiting', 'active')"
                          + " AND type = ANY (?) ORDER BY type LIMIT 1",
                      row -> row.getString(1),
                      session.array("text", conflicting.stream().map(JobType::label).toList()))
                  .flatMap(JobType::fromLabel);
          if (busy.isEmpty()) {
            session.update(INSERT, id, type.label(), createdBy, inputJson);
          }
          return busy;
        });
  }

  public Optional<Job> find(UUID id) {
    return jdbc.first("SELECT " + COLUMNS + " FROM job WHERE id = ?", JobRepository::job, id);
  }

  /** Newest first; each filter may be null. */
  public List<Job> list(JobFilter filter, int limit, int offset) {
    List<Object> params = new ArrayList<>(filter.parameters());
    params.add(limit);
    params.add(offset);
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM job WHERE "
            + filter.where()
            + " ORDER BY created_at DESC, id"
            + " LIMIT ? OFFSET ?",
        JobRepository::job,
        params.toArray());
  }

  public long count(JobFilter filter) {
    return jdbc.queryLong(
        "SELECT count(*) FROM job WHERE " + filter.where(), filter.parameters().toArray());
  }

  /**
   * Marks up to {@code room} of the oldest waiting jobs of a type active for {@code owner}, where
   * room is the type's concurrency minus its active jobs across the cluster.
   */
  public List<UUID> claim(JobType type, int concurrency, String owner) {
    return jdbc.inTransaction(
        session -> {
          session.lock(AdvisoryLock.JOB_CLAIM);
          long active =
              session.queryLong(
                  "SELECT count(*) FROM job WHERE type = ? AND state = 'active'", type.label());
          if (active >= concurrency) {
            return List.of();
          }
          return session.query(
              "UPDATE job SET state = 'active', owner = ?, started_at = now(),"
                  + " heartbeat_at = now(), attempts = attempts + 1, phase = 'starting'"
                  + " WHERE id IN (SELECT id FROM job WHERE type = ? AND state = 'waiting'"
                  + " ORDER BY created_at, id LIMIT ?) RETURNING id",
              JobRepository::uuid,
              owner,
              type.label(),
              concurrency - active);
        });
  }

  public void started(UUID id, long executionId) {
    jdbc.update("UPDATE job SET batch_execution_id = ? WHERE id = ?", executionId, id);
  }

  public void heartbeat(Collection<UUID> ids) {
    if (!ids.isEmpty()) {
      jdbc.withConnection(
          session ->
              session.update(
                  "UPDATE job SET heartbeat_at = now() WHERE state = 'active' AND id = ANY(?)",
                  session.array("uuid", ids)));
    }
  }

  /** The jobs running now, on any replica. */
  public Set<UUID> activeIds() {
    return new HashSet<>(
        jdbc.query("SELECT id FROM job WHERE state = 'active'", JobRepository::uuid));
  }

  /** Fails active jobs whose replica stopped heartbeating; answers their ids. */
  public List<UUID> failStale(long timeoutSeconds) {
    return jdbc.query(
        "UPDATE job SET state = 'failed', finished_at = now(), message = ?"
            + " WHERE state = 'active' AND heartbeat_at < now() - make_interval(secs => ?)"
            + " RETURNING id",
        JobRepository::uuid,
        "interrupted: the server running it stopped (no heartbeat for "
            + timeoutSeconds
            + " s); retry it",
        (double) timeoutSeconds);
  }

  public void progress(UUID id, String phase, int percent, long rowsDone, String countsJson) {
    jdbc.update(
        "UPDATE job SET phase = ?, progress = ?, rows_done = ?, counts = CAST(? AS jsonb)"
            + " WHERE id = ? AND state = 'active'",
        phase,
        Math.max(0, Math.min(100, percent)),
        rowsDone,
        countsJson,
        id);
  }

  /** Stores problems after the {@code stored} already kept, up to {@code cap} in all. */
  public void addProblems(UUID id, List<JobProblem> problems, int stored, int cap) {
    List<JobProblem> kept =
        problems.subList(0, Math.min(Math.max(0, cap - stored), problems.size()));
    jdbc.withConnection(
        session -> {
          int[] seq = {stored};
          session.batch(
              "INSERT INTO job_problem (job_id, seq, file, row_no, field, message)"
                  + " VALUES (?, ?, ?, ?, ?, ?)",
              kept,
              (s, p) -> {
                s.setObject(1, id);
                s.setInt(2, ++seq[0]);
                s.setString(3, p.file());
                s.setObject(4, p.row());
                s.setString(5, p.field());
                s.setString(6, p.message());
              });
          return session.update(
              "UPDATE job SET problem_count = problem_count + ? WHERE id = ?", problems.size(), id);
        });
  }

  public List<JobProblem> problems(UUID id, int limit) {
    return jdbc.query(
        "SELECT file, row_no, field, message FROM job_problem WHERE job_id = ?"
            + " ORDER BY seq LIMIT ?",
        row ->
            new JobProblem(
                row.getString(1), row.getObject(2, Long.class), row.getString(3), row.getString(4)),
        id,
        limit);
  }

  /** Records how an active job ended; false when it was no longer active. */
  public boolean finish(UUID id, JobState state, String message) {
    return jdbc.update(
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
  public Optional<JobState> requestCancel(UUID id) {
    jdbc.update(
        "UPDATE job SET state = CASE WHEN state = 'waiting' THEN 'cancelled' ELSE state END,"
            + " finished_at = CASE WHEN state = 'waiting' THEN now() ELSE finished_at END,"
            + " cancel_requested = (state = 'active')"
            + " WHERE id = ? AND state IN ('waiting', 'active')",
        id);
    return find(id).map(Job::state);
  }

  public List<Job> cancelRequested(String owner) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM job WHERE state = 'active' AND cancel_requested AND owner = ?",
        JobRepository::job,
        owner);
  }

  /** Puts finished jobs matching the filter (failed or cancelled only) back in the queue. */
  public int retry(JobFilter filter) {
    Object[] params = filter.parameters().toArray();
    String matching =
        "SELECT id FROM job WHERE state IN ('failed', 'cancelled') AND " + filter.where();
    return jdbc.inTransaction(
        session -> {
          session.update("DELETE FROM job_problem WHERE job_id IN (" + matching + ")", params);
          return session.update(
              "UPDATE job SET state = 'waiting', cancel_requested = false, started_at = NULL,"
                  + " finished_at = NULL, heartbeat_at = NULL, owner = NULL,"
                  + " batch_execution_id = NULL, phase = NULL, progress = 0, rows_done = 0,"
                  + " counts = '{}', problem_count = 0, message = NULL"
                  + " WHERE id IN ("
                  + matching
                  + ")",
              params);
        });
  }

  /** Deletes finished jobs matching the filter; the caller restricts it to finished states. */
  public int delete(JobFilter filter) {
    return jdbc.update(
        "DELETE FROM job WHERE state IN ('completed', 'failed', 'cancelled') AND " + filter.where(),
        filter.parameters().toArray());
  }

  /** Jobs per type and state, for metrics. */
  public List<Object[]> countsByTypeAndState() {
    return jdbc.query(
        "SELECT type, state, count(*),"
            + " COALESCE(extract(epoch FROM now() - min(created_at)), 0)::bigint"
            + " FROM job GROUP BY type, state",
        row -> new Object[] {row.getString(1), row.getString(2), row.getLong(3), row.getLong(4)});
  }

  private static UUID uuid(ResultSet row) throws SQLException {
    return row.getObject(1, UUID.class);
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
