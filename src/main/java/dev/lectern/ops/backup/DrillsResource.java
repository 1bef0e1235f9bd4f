package dev.lectern.ops.backup;

import dev.lectern.control.audit.AuditTrail;
import dev.lectern.control.audit.Audited;
import dev.lectern.control.jobs.Job;
import dev.lectern.control.jobs.JobAccepted;
import dev.lectern.control.jobs.JobService;
import dev.lectern.control.jobs.JobType;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.ops.backup.archive.BackupFiles;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.http.PathIds;
import dev.lectern.platform.migration.NeedsSchema;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Restore drills: {@code POST /api/v1/admin/backups/drills} queues one (newest backup unless the
 * body names {@code backupId}); the drill's id is its job's id.
 */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ADMINISTRATION)
@Path("api/v1/admin/backups/drills")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class DrillsResource {

  @Inject DrillRepository drills;
  @Inject BackupCatalog catalog;
  @Inject JobService jobs;
  @Inject AuditTrail audit;
  @Inject JobAccepted accepted;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("backup.drill")
  public Response start(JsonObject body, @Context SecurityContext security) throws IOException {
    var input = Json.createObjectBuilder();
    if (body != null && body.containsKey("backupId")) {
      String id = body.getString("backupId", "");
      if (!BackupFiles.isId(id)) {
        throw new ApiException(400, "invalid_backup_id", "backupId must be a backup id.");
      }
      catalog.get(id);
      input.add("backupId", id);
    } else if (catalog.list().isEmpty()) {
      throw new ApiException(409, "no_backup", "There is no backup to drill.");
    }
    Job job =
        jobs.submit(JobType.DRILL, input.build().toString(), security.getUserPrincipal().getName());
    audit.target(job.id().toString());
    return accepted.of(job);
  }

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  public Map<String, List<Drill>> list(
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
      @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
    return Map.of("drills", drills.list(limit, offset));
  }

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  @Path("{id}")
  public Drill get(@PathParam("id") String id) {
    UUID drill;
    try {
      drill = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ApiException(404, "not_found", "No drill " + PathIds.shown(id) + ".");
    }
    return drills
        .find(drill)
        .orElseThrow(
            () -> new ApiException(404, "not_found", "No drill " + PathIds.shown(id) + "."));
  }
}
