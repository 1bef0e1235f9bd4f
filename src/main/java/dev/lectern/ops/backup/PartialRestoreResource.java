package dev.lectern.ops.backup;

import dev.lectern.control.audit.AuditTrail;
import dev.lectern.control.audit.Audited;
import dev.lectern.control.audit.NotAudited;
import dev.lectern.control.jobs.Job;
import dev.lectern.control.jobs.JobAccepted;
import dev.lectern.control.jobs.JobService;
import dev.lectern.control.jobs.JobState;
import dev.lectern.control.jobs.JobType;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.migration.NeedsSchema;
import dev.lectern.roster.query.RosterRelationships;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;

/**
 * Partial restores: {@code POST /api/v1/admin/backups/{id}/partial-restore/preview} and {@code
 * .../apply} with {@code {"school"|"class"|"user": "<sourcedId>"}}; apply also needs {@code
 * "confirm": "<backup id>"} and replaces records that differ live only with {@code "overwrite":
 * true}. Both are jobs; the call waits for the job (up to {@code BACKUP_VERIFY_WAIT_SECONDS}) and
 * answers its plan, or 202 with the job when it takes longer.
 */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ADMINISTRATION)
@Path("api/v1/admin/backups/{id}/partial-restore")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartialRestoreResource {

  private static final List<String> SCOPES = List.of("school", "class", "user");

  @Inject BackupCatalog catalog;
  @Inject BackupConfig config;
  @Inject JobService jobs;
  @Inject JobWaiter waiter;
  @Inject AuditTrail audit;
  @Inject JobAccepted accepted;

  @POST
  @Path("preview")
  @NotAudited("a preview changes nothing")
  public Response preview(
      @PathParam("id") String id, JsonObject body, @Context SecurityContext security)
      throws IOException, InterruptedException {
    return submit(id, body, false, security);
  }

  @POST
  @Path("apply")
  @Audited("backup.partial-restore.request")
  public Response apply(
      @PathParam("id") String id, JsonObject body, @Context SecurityContext security)
      throws IOException, InterruptedException {
    if (body == null || !id.equals(body.getString("confirm", null))) {
      throw new ApiException(
          400,
          "confirmation_required",
          "Repeat the backup id as \"confirm\": \"" + id + "\" to apply a partial restore.");
    }
    return submit(id, body, true, security);
  }

  private Response submit(String id, JsonObject body, boolean apply, SecurityContext security)
      throws IOException, InterruptedException {
    catalog.get(id);
    List<String> given =
        body == null ? List.of() : SCOPES.stream().filter(body::containsKey).toList();
    if (given.size() != 1
        || !(body.get(given.get(0)) instanceof JsonString sourced)
        || sourced.getString().isBlank()) {
      throw new ApiException(
          400,
          "invalid_scope",
          "Name exactly one of \"school\", \"class\" or \"user\" with a sourcedId.");
    }
    String scope = given.get(0);
    var input =
        Json.createObjectBuilder()
            .add("backupId", id)
            .add("scope", RosterRelationships.Scope.valueOf(scope.toUpperCase(Locale.ROOT)).name())
            .add("sourcedId", sourced.getString())
            .add("apply", apply)
            .add("overwrite", body.getBoolean("overwrite", false));
    Job job =
        jobs.submit(
            JobType.PARTIAL_RESTORE,
            input.build().toString(),
            security.getUserPrincipal().getName());
    audit.target(scope + " " + sourced.getString() + " from " + id);
    Job done = waiter.awaitFinished(job.id(), config.verifyWaitSeconds());
    if (!done.state().finished()) {
      return accepted.of(done);
    }
    if (done.state() != JobState.COMPLETED) {
      throw new ApiException(
          422,
          "partial_restore_failed",
          String.valueOf(done.message()) + " (job " + done.id() + ")");
    }
    try (var reader = Json.createReader(new StringReader(done.counts()))) {
      return Response.ok(
              Json.createObjectBuilder(reader.readObject())
                  .add("job", done.id().toString())
                  .build())
          .build();
    }
  }
}
