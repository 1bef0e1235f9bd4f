package dev.lectern.control.flags;

import dev.lectern.control.audit.AuditTrail;
import dev.lectern.control.audit.Audited;
import dev.lectern.control.audit.NotAudited;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.control.settings.SettingChange;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.http.BaseUrls;
import dev.lectern.platform.migration.NeedsSchema;
import dev.lectern.platform.request.RequestIdFilter;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Feature flags for admins (operators read them, their history and evaluations): {@code
 * /api/v1/admin/flags}. Open in every mode: rolling a change back is what an incident needs.
 */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ALWAYS_OPEN)
@Path("api/v1/admin/flags")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class FlagResource {

  private static final int HISTORY_SHOWN = 200;

  @Inject FlagService flags;
  @Inject FlagEvaluations evaluations;
  @Inject AuditTrail audit;
  @Inject BaseUrls baseUrls;
  @Inject HttpServletRequest servletRequest;

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  public List<JsonObject> list() {
    return flags.all().stream().map(FlagJson::toJson).toList();
  }

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  @Path("{key}")
  public JsonObject get(@PathParam("key") String key) {
    return FlagJson.toJson(flags.find(key).orElseThrow(() -> notFound(key)));
  }

  /** Creates a flag; 409 when one of that key is stored already. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("flag.create")
  public Response create(JsonObject body, @Context SecurityContext security) {
    JsonObject given = required(body);
    String key = given.get("key") instanceof JsonString text ? text.getString() : "";
    FlagDefinition flag = read(key, given, security);
    audit.target(key);
    flags
        .save(flag, true, reason(given), RequestIdFilter.idOf(servletRequest))
        .orElseThrow(
            () -> new ApiException(409, "flag_exists", "Flag " + key + " exists; PUT changes it."));
    return Response.created(URI.create(baseUrls.of(servletRequest) + "api/v1/admin/flags/" + key))
        .entity(FlagJson.toJson(flag))
        .build();
  }

  /** Sets the whole flag, creating it if needed; {@code reason} goes to the history. */
  @PUT
  @Path("{key}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("flag.update")
  public JsonObject set(
      @PathParam("key") String key, JsonObject body, @Context SecurityContext security) {
    FlagDefinition flag = read(key, required(body), security);
    audit.target(key);
    flags.save(flag, false, reason(body), RequestIdFilter.idOf(servletRequest));
    return FlagJson.toJson(flag);
  }

  /** Deletes the stored flag: a known one serves its configured default again. */
  @DELETE
  @Path("{key}")
  @Audited("flag.delete")
  public Response delete(
      @PathParam("key") String key,
      @QueryParam("reason") @Size(max = 500) String reason,
      @Context SecurityContext security) {
    audit.target(key);
    String actor = security.getUserPrincipal().getName();
    if (!flags.delete(key, actor, reason, RequestIdFilter.idOf(servletRequest))) {
      throw notFound(key);
    }
    return Response.noContent().build();
  }

  /** Every change of the flag, newest first: append-only, kept like the audit log. */
  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  @Path("{key}/history")
  public List<SettingChange> history(@PathParam("key") String key) {
    return flags.history(key, HISTORY_SHOWN);
  }

  /**
   * What the flag gives a context ({@code subject}, {@code orgs} or {@code org}, {@code role},
   * {@code client}), with the variant and the reason: a read, so operators may ask.
   */
  @Access({Caller.ADMIN, Caller.OPERATOR})
  @POST
  @Path("{key}/evaluate")
  @Consumes(MediaType.APPLICATION_JSON)
  @NotAudited("a read: evaluating changes nothing")
  public FlagEvaluation evaluate(@PathParam("key") String key, JsonObject body) {
    if (!flags.exists(key)) {
      throw notFound(key);
    }
    return flags.evaluate(
        key, evaluations.contextOf(body == null ? JsonObject.EMPTY_JSON_OBJECT : body));
  }

  private FlagDefinition read(String key, JsonObject body, SecurityContext security) {
    FlagDefinition flag =
        FlagJson.read(key, body, Instant.now(), security.getUserPrincipal().getName());
    FlagService.checkKnownType(flag);
    String reason = reason(body);
    if (reason != null && reason.length() > 500) {
      throw new ApiException(422, "validation_failed", "reason must have at most 500 characters.");
    }
    return flag;
  }

  private static JsonObject required(JsonObject body) {
    if (body == null) {
      throw new ApiException(400, "bad_request", "A JSON object describing the flag is required.");
    }
    return body;
  }

  private static String reason(JsonObject body) {
    return body != null && body.get("reason") instanceof JsonString text ? text.getString() : null;
  }

  private static ApiException notFound(String key) {
    return new ApiException(404, "not_found", "No flag " + key + ".");
  }
}
