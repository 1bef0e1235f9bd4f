package dev.lectern.ops.backup;

import dev.lectern.control.audit.AuditOutcome;
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
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.migration.NeedsSchema;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Backups for admins (operators read): {@code /api/v1/admin/backups}. Taking and verifying a backup
 * are jobs; verify waits for its job (up to {@code BACKUP_VERIFY_WAIT_SECONDS}) so it can answer
 * the verdict directly.
 */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ADMINISTRATION)
@Path("api/v1/admin/backups")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class BackupsResource {

  @Inject BackupCatalog catalog;
  @Inject BackupStatus status;
  @Inject BackupConfig config;
  @Inject JobService jobs;
  @Inject JobWaiter waiter;
  @Inject AuditTrail audit;
  @Inject JobAccepted accepted;
  @Inject BackupRetention retention;

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  public Map<String, Object> list() throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("backups", catalog.list().stream().map(entry -> BackupView.of(entry, false)).toList());
    body.put("freeBytes", status.snapshot().freeBytes());
    return body;
  }

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  @Path("{id}")
  public BackupView get(@PathParam("id") String id) throws IOException {
    return BackupView.of(catalog.get(id), true);
  }

  /** Queues a backup; the job's counts name the backup once it is taken. */
  @POST
  @Audited("backup.request")
  public Response take(@Context SecurityContext security) {
    config.keyring();
    Job job =
        jobs.submit(
            JobType.BACKUP,
            Json.createObjectBuilder().add("trigger", "manual").build().toString(),
            actor(security));
    audit.target(job.id().toString());
    return accepted.of(job);
  }

  @POST
  @Path("{id}/verify")
  @Audited("backup.verify")
  public Response verify(@PathParam("id") String id, @Context SecurityContext security)
      throws IOException, InterruptedException {
    catalog.get(id);
    Job job =
        jobs.submit(
            JobType.VERIFY,
            Json.createObjectBuilder().add("backupId", id).build().toString(),
            actor(security));
    Job done = waiter.awaitFinished(job.id(), config.verifyWaitSeconds());
    if (!done.state().finished()) {
      audit.target(id + ", still verifying in job " + done.id());
      return accepted.of(done);
    }
    JsonObject counts;
    try (var reader = Json.createReader(new StringReader(done.counts()))) {
      counts = reader.readObject();
    }
    if (!counts.containsKey("verified")) {
      throw new ApiException(
          500, "verify_failed", "Verification did not finish: " + done.message() + ".");
    }
    audit.outcome(counts.getBoolean("verified") ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("verified", counts.getBoolean("verified"));
    body.put("problems", counts.getJsonArray("problems"));
    body.put("job", done.id().toString());
    return Response.ok(body).build();
  }

  /**
   * Restores a backup online. The body must repeat the id ({@code {"confirm": "<id>"}}); imports
   * must not be queued or running, since the restore would silently discard what they apply.
   */
  @POST
  @Path("{id}/restore")
  @Audited("backup.restore.request")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response restore(
      @PathParam("id") String id, JsonObject body, @Context SecurityContext security)
      throws IOException {
    catalog.get(id);
    String confirm = body == null ? null : body.getString("confirm", null);
    if (!id.equals(confirm)) {
      throw new ApiException(
          400,
          "confirmation_required",
          "Repeat the backup id as {\"confirm\": \"" + id + "\"} to restore it.");
    }
    Job job =
        jobs.submitUnlessBusy(
            JobType.RESTORE,
            Json.createObjectBuilder().add("backupId", id).build().toString(),
            actor(security),
            Set.of(JobType.IMPORT, JobType.RESTORE));
    return accepted.of(job);
  }

  /**
   * Applies the retention policy now ({@code ?dryRun=true} only lists what it would delete); the
   * retention timer does the same every night.
   */
  @POST
  @Path("retention")
  @Audited("backup.retention")
  public BackupRetention.Outcome retention(@QueryParam("dryRun") boolean dryRun)
      throws IOException {
    if (dryRun) {
      audit.target("dry run");
    }
    return retention.sweep(dryRun);
  }

  /** Deletes one archive by hand (retention does this by schedule). */
  @DELETE
  @Path("{id}")
  @Audited("backup.delete")
  public Response delete(@PathParam("id") String id) throws IOException {
    catalog.get(id);
    catalog.delete(id);
    status.invalidate();
    return Response.noContent().build();
  }

  private static String actor(SecurityContext security) {
    return security.getUserPrincipal().getName();
  }
}
