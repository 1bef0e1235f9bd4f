package dev.lectern.roster.imports;

import dev.lectern.control.audit.AuditTrail;
import dev.lectern.control.audit.Audited;
import dev.lectern.control.jobs.Job;
import dev.lectern.control.jobs.JobAccepted;
import dev.lectern.control.jobs.JobService;
import dev.lectern.control.jobs.JobType;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.BodyLimit;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.migration.NeedsSchema;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;

/**
 * Uploads of OneRoster CSV packages: {@code POST /api/v1/admin/imports} with the zip as the body or
 * as the multipart field {@code file}. The package is stored and queued as an import job.
 */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.UPLOAD)
@ModePolicy(ModeExposure.ADMINISTRATION)
@ImportUpload
@BodyLimit(BodyLimit.OWN_LIMIT)
@Path("api/v1/admin/imports")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

  @Inject ImportStorage storage;
  @Inject JobService jobs;
  @Inject AuditTrail audit;
  @Inject JobAccepted accepted;

  @POST
  @Consumes({"application/zip", "application/x-zip-compressed", "application/octet-stream"})
  @Audited("import.upload")
  public Response upload(InputStream body, @Context SecurityContext security) throws IOException {
    return queue(body, null, security);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Audited("import.upload")
  public Response uploadForm(@FormParam("file") EntityPart file, @Context SecurityContext security)
      throws IOException {
    if (file == null) {
      throw new ApiException(
          400,
          "missing_file",
          "Send the package as the multipart field 'file' (or as an application/zip body).");
    }
    try (InputStream in = file.getContent()) {
      return queue(in, file.getFileName().orElse(null), security);
    }
  }

  private Response queue(InputStream body, String fileName, SecurityContext security)
      throws IOException {
    ImportStorage.StoredPackage stored = storage.store(body);
    var input =
        Json.createObjectBuilder().add("package", stored.name()).add("bytes", stored.bytes());
    if (fileName != null) {
      input.add("fileName", fileName);
    }
    Job job =
        jobs.submit(
            JobType.IMPORT, input.build().toString(), security.getUserPrincipal().getName());
    audit.target(job.id() + " (" + stored.bytes() + " bytes)");
    return accepted.of(job);
  }
}
