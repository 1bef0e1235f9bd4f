package dev.lectern.control.jobs;

import dev.lectern.control.audit.AuditTrail;
import dev.lectern.control.audit.Audited;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.http.PathIds;
import dev.lectern.platform.http.UtcInstants;
import dev.lectern.platform.migration.NeedsSchema;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The job queue for admins (operators read it): {@code /api/v1/admin/jobs}. */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ADMINISTRATION)
@Path("api/v1/admin/jobs")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

  static final int PROBLEMS_IN_JOB = 20;

  @Inject JobService jobs;
  @Inject AuditTrail audit;

  /** A job as the API shows it. */
  public record JobView(
      UUID id,
      String type,
      String state,
      String phase,
      int progress,
      long rowsDone,
      double rowsPerSecond,
      Long etaSeconds,
      Instant createdAt,
      String createdBy,
      Instant startedAt,
      Instant finishedAt,
      String owner,
      int attempts,
      boolean cancelRequested,
      Long batchExecutionId,
      JsonObject input,
      JsonObject counts,
      int problemCount,
      List<JobProblem> problems,
      String message) {

    public static JobView of(Job job, List<JobProblem> problems) {
      Instant now = Instant.now();
      return new JobView(
          job.id(),
          job.type().label(),
          job.state().label(),
          job.phase(),
          job.progress(),
          job.rowsDone(),
          job.rowsPerSecond(now),
          job.etaSeconds(now),
          job.createdAt(),
          job.createdBy(),
          job.startedAt(),
          job.finishedAt(),
          job.owner(),
          job.attempts(),
          job.cancelRequested(),
          job.batchExecutionId(),
          json(job.input()),
          json(job.counts()),
          job.problemCount(),
          problems,
          job.message());
    }
  }

  public record JobPage(List<JobView> jobs, long total, int offset, int limit) {}

  public record JobReport(
      UUID id, String state, int problemCount, boolean truncated, List<JobProblem> problems) {}

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  public JobPage list(
      @QueryParam("state") String state,
      @QueryParam("type") String type,
      @QueryParam("since") String since,
      @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
    JobFilter filter = filter(state, type, since);
    List<JobView> views =
        jobs.list(filter, limit, offset).stream().map(job -> JobView.of(job, null)).toList();
    return new JobPage(views, jobs.count(filter), offset, limit);
  }

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  @Path("{id}")
  public JobView get(@PathParam("id") String id) {
    UUID jobId = parseId(id);
    return JobView.of(jobs.get(jobId), jobs.problems(jobId, PROBLEMS_IN_JOB));
  }

  /** Every stored problem, for fixing a package at the source. */
  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  @Path("{id}/report")
  public JobReport report(@PathParam("id") String id) {
    UUID jobId = parseId(id);
    Job job = jobs.get(jobId);
    List<JobProblem> problems = jobs.problems(jobId, Integer.MAX_VALUE);
    return new JobReport(
        jobId,
        job.state().label(),
        job.problemCount(),
        problems.size() < job.problemCount(),
        problems);
  }

  @POST
  @Path("{id}/cancel")
  @Audited("job.cancel")
  public JobView cancel(@PathParam("id") String id) {
    Job job = jobs.cancel(parseId(id));
    audit.target(job.type().label() + " " + job.id());
    return JobView.of(job, List.of());
  }

  @POST
  @Path("{id}/retry")
  @Audited("job.retry")
  public JobView retry(@PathParam("id") String id) {
    Job job = jobs.retry(parseId(id));
    audit.target(job.type().label() + " " + job.id());
    return JobView.of(job, List.of());
  }

  /** Queues again every failed (or cancelled) job matching the filters. */
  @POST
  @Path("retry")
  @Audited("job.retry")
  public Map<String, Integer> retryAll(
      @QueryParam("state") @DefaultValue("failed") String state,
      @QueryParam("type") String type,
      @QueryParam("since") String since) {
    JobFilter filter = filter(state, type, since);
    int retried = jobs.retryAll(filter);
    audit.target(retried + " " + filter.state().label() + " jobs");
    return Map.of("retried", retried);
  }

  /** Clears finished jobs: {@code state} is required (failed, cancelled or completed). */
  @DELETE
  @Audited("job.clear")
  public Map<String, Integer> clear(
      @QueryParam("state") String state,
      @QueryParam("type") String type,
      @QueryParam("since") String since) {
    JobFilter filter = filter(state, type, since);
    int deleted = jobs.delete(filter);
    audit.target(deleted + " " + filter.state().label() + " jobs");
    return Map.of("deleted", deleted);
  }

  private static JobFilter filter(String state, String type, String since) {
    JobState s = null;
    if (state != null && !state.isBlank()) {
      s =
          JobState.fromLabel(state)
              .orElseThrow(
                  () ->
                      invalid("state", "must be waiting, active, completed, failed or cancelled"));
    }
    JobType t = null;
    if (type != null && !type.isBlank()) {
      t =
          JobType.fromLabel(type)
              .orElseThrow(
                  () ->
                      invalid(
                          "type",
                          "must be import, backup, verify, restore, partial-restore or drill"));
    }
    Instant from = null;
    if (since != null && !since.isBlank()) {
      from =
          UtcInstants.parse(since)
              .orElseThrow(
                  () ->
                      invalid(
                          "since", "must be an ISO 8601 UTC time such as 2026-11-24T06:00:00Z"));
    }
    return JobFilter.of(s, t, from);
  }

  private static UUID parseId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ApiException(404, "not_found", "No job " + PathIds.shown(id) + ".");
    }
  }

  private static ApiException invalid(String field, String problem) {
    return ApiException.invalidParameter(field, problem);
  }

  private static JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text == null ? "{}" : text))) {
      return reader.readObject();
    }
  }
}
