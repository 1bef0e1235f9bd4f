package dev.lectern.roster.api;

import dev.lectern.control.audit.AuditTrail;
import dev.lectern.control.audit.Audited;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.http.BaseUrls;
import dev.lectern.platform.migration.NeedsSchema;
import dev.lectern.roster.model.RosterType;
import dev.lectern.roster.query.RosterQueryService;
import dev.lectern.roster.query.RosterView;
import dev.lectern.roster.write.RosterWriteService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Roster corrections by admins: {@code PUT} upserts one record (answering 201 when created, 200
 * otherwise, with {@code X-Lectern-Outcome} saying whether anything changed), {@code DELETE} marks
 * it {@code tobedeleted}. The body is the record as the OneRoster API shows it.
 */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ADMINISTRATION)
@Path("api/v1/admin/roster/{collection}/{sourcedId}")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class RosterAdminResource {

  @Inject RosterWriteService writes;
  @Inject RosterQueryService queries;
  @Inject HttpServletRequest request;
  @Inject BaseUrls baseUrls;
  @Inject AuditTrail audit;

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("roster.put")
  public Response put(
      @PathParam("collection") String collection,
      @PathParam("sourcedId") String sourcedId,
      @NotNull JsonObject body) {
    RosterType type = RosterWriteService.typeOf(collection);
    RosterWriteService.Outcome outcome = writes.upsert(type, sourcedId, body);
    audit.target(type.plural() + "/" + sourcedId);
    return Response.status(outcome == RosterWriteService.Outcome.CREATED ? 201 : 200)
        .header("X-Lectern-Outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
        .entity(current(type, sourcedId))
        .build();
  }

  @DELETE
  @Audited("roster.delete")
  public Response delete(
      @PathParam("collection") String collection, @PathParam("sourcedId") String sourcedId) {
    RosterType type = RosterWriteService.typeOf(collection);
    if (!writes.markDeleted(type, sourcedId)) {
      throw new ApiException(404, "not_found", "No " + type.singular() + " with this sourcedId.");
    }
    audit.target(type.plural() + "/" + sourcedId);
    return Response.ok(current(type, sourcedId)).build();
  }

  private byte[] current(RosterType type, String sourcedId) {
    String base = baseUrls.of(request) + OneRosterResponses.BASE_PATH;
    return queries
        .single(
            RosterView.all(type), type.singular(), sourcedId, type.fields(), Optional.empty(), base)
        .orElseThrow();
  }
}
