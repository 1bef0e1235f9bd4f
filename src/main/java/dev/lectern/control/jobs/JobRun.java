package dev.lectern.control.jobs;

import dev.lectern.platform.db.DataAccessException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A job running on this replica, as its steps see it: where to report progress and problems, and
 * whether an admin cancelled it. Progress writes commit at once, outside the job's own work. The
 * job's span lives here too, so every step (on whichever batch thread) works inside it.
 */
public final class JobRun {

  private static final Logger LOG = Logger.getLogger(JobRun.class.getName());

  private final UUID id;
  private final JobType type;
  private final JobRepository repository;
  private final int problemCap;
  private volatile boolean cancelled;
  private volatile String failure;
  private int problemsStored;
  private long problemsFound;
  private volatile Runnable onCancel;
  private long lastProgressNanos;
  private final Span span;

  JobRun(UUID id, JobType type, JobRepository repository, int problemCap, Span span) {
    this.id = id;
    this.type = type;
    this.repository = repository;
    this.problemCap = problemCap;
    this.span = span;
  }

  /** The job's span, made current by each step. */
  Span span() {
    return span;
  }

  /**
   * Ends the job's span with the job's state. A failure's message stays out of it: it may quote the
   * rows at fault (a database error names the key it found twice), and spans leave the server; the
   * job's own record keeps it.
   */
  void endSpan(JobState state) {
    span.setAttribute("lectern.job.state", state.label());
    if (state == JobState.FAILED) {
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  public UUID id() {
    return id;
  }

  public JobType type() {
    return type;
  }

  /** Reports progress; writes are spaced at least 500 ms apart unless {@code force}. */
  public void progress(String phase, int percent, long rowsDone, String countsJson, boolean force) {
    long now = System.nanoTime();
    if (!force && now - lastProgressNanos < 500_000_000L) {
      return;
    }
    lastProgressNanos = now;
    try {
      repository.progress(id, phase, percent, rowsDone, countsJson);
    } catch (DataAccessException e) {
      LOG.log(Level.WARNING, "Could not record the progress of job " + id, e);
    }
  }

  /** Stores problems for the report (up to the configured cap; all are counted). */
  public synchronized void problems(List<JobProblem> problems) {
    if (problems.isEmpty()) {
      return;
    }
    repository.addProblems(id, problems, problemsStored, problemCap);
    problemsStored = Math.min(problemCap, problemsStored + problems.size());
    problemsFound += problems.size();
  }

  /** Problems reported by this run so far (stored or not). */
  public synchronized long problemsFound() {
    return problemsFound;
  }

  /** Runs when the job is cancelled, e.g. to cancel a long SQL statement; null clears it. */
  public void onCancel(Runnable action) {
    this.onCancel = action;
  }

  public int problemsStored() {
    return problemsStored;
  }

  void cancel() {
    cancelled = true;
    Runnable action = onCancel;
    if (action != null) {
      action.run();
    }
  }

  public boolean cancelled() {
    return cancelled;
  }

  /** Throws when an admin cancelled the job; steps call it between units of work. */
  public void checkCancelled() {
    if (cancelled) {
      throw new JobCancelledException();
    }
  }

  /** Records why the job failed; the job ends {@code failed} with this message. */
  public void fail(String message) {
    this.failure = message;
  }

  public String failure() {
    return failure;
  }
}
