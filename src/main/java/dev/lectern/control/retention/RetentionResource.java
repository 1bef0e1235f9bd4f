package dev.lectern.control.retention;

import dev.lectern.control.audit.AuditTrail;
import dev.lectern.control.audit.Audited;
import dev.lectern.control.jobs.JobAccepted;
import dev.lectern.control.jobs.JobsResource.JobView;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.platform.migration.NeedsSchema;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;

/**
 * Retention for admins (operators read): {@code /api/v1/admin/retention} lists what is kept how
 * long and when the sweep runs; {@code POST run} starts the sweep now as a job, {@code
 * ?dryRun=true} only counts.
 */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ADMINISTRATION)
@Path("api/v1/admin/retention")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

  /** One category: what it keeps, and the schedule that sweeps it. */
  public record PolicyView(String category, String keeps, String schedule) {}

  /** The sweep's schedule, its next and last run, and every category. */
  public record RetentionView(
      String schedule, Instant nextRun, JobView lastRun, List<PolicyView> policies) {}

  @Inject RetentionService retention;
  @Inject RetentionTimer timer;
  @Inject JobAccepted accepted;
  @Inject AuditTrail audit;

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  public RetentionView get() {
    List<PolicyView> policies =
        retention.purges().stream()
            .map(
                purge ->
                    new PolicyView(
                        purge.category(),
                        purge.keeps(),
                        purge.ownSchedule().orElse(retention.schedule())))
            .toList();
    return new RetentionView(
        retention.schedule(),
        timer.nextRun().orElse(null),
        retention.lastRun().map(job -> JobView.of(job, List.of())).orElse(null),
        policies);
  }

  /** Starts the sweep now; 409 while one is queued or running. */
  @POST
  @Path("run")
  @Audited("retention.run")
  public Response run(@QueryParam("dryRun") boolean dryRun, @Context SecurityContext security) {
    if (dryRun) {
      audit.target("dry run");
    }
    return accepted.of(retention.start(dryRun, security.getUserPrincipal().getName()));
  }
}
