package dev.lectern.control.logging;

import dev.lectern.control.audit.AuditTrail;
import dev.lectern.control.audit.Audited;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.control.settings.LocalCopy;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.migration.NeedsSchema;
import dev.lectern.platform.request.RequestIdFilter;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/admin/logging}: the log levels changed at runtime and those in force on the
 * replica that answers (operators read), and a change for a bounded time (admins). Open in every
 * mode: incidents do not wait for maintenance to end.
 */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ALWAYS_OPEN)
@Path("api/v1/admin/logging")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class LoggingResource {

  /** A level for a while: {@code revertAfter} is an ISO-8601 duration of at most 24 hours. */
  public record LevelChange(
      @NotBlank @Size(max = 16) String level,
      @NotBlank @Size(max = 32) String revertAfter,
      @NotBlank @Size(max = 500) String reason) {}

  /** What GET answers: the overrides, and the levels this replica runs with. */
  public record LoggingView(List<LogLevelOverride> overrides, Map<String, String> levels) {}

  @Inject LogLevels levels;
  @Inject LogLevelChanges changes;
  @Inject AuditTrail audit;
  @Inject HttpServletRequest servletRequest;

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  public LoggingView list(@QueryParam("logger") List<@Size(max = 200) String> asked) {
    List<String> loggers = new ArrayList<>(asked);
    levels.overrides().forEach(o -> loggers.add(o.logger()));
    return new LoggingView(levels.overrides(), levels.effectiveLevels(loggers));
  }

  @PUT
  @Path("{logger}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("logging.set")
  public LogLevelOverride set(
      @PathParam("logger") String logger,
      @NotNull @Valid LevelChange change,
      @Context SecurityContext security) {
    LevelRequest request = LevelRequest.check(logger, change.level(), change.revertAfter());
    audit.target(logger + "=" + request.level() + " until " + request.revertAt());
    LogLevelOverride set =
        changes.set(
            logger,
            request.level(),
            request.revertAt(),
            security.getUserPrincipal().getName(),
            RequestIdFilter.idOf(servletRequest),
            change.reason());
    LocalCopy.reloadAfterChange(levels::reload);
    return set;
  }

  @DELETE
  @Path("{logger}")
  @Audited("logging.reset")
  public Response reset(
      @PathParam("logger") String logger,
      @QueryParam("reason") @Size(max = 500) String reason,
      @Context SecurityContext security) {
    audit.target(logger);
    changes
        .reset(
            logger,
            security.getUserPrincipal().getName(),
            RequestIdFilter.idOf(servletRequest),
            reason)
        .orElseThrow(
            () -> new ApiException(404, "not_found", "No log level override for " + logger + "."));
    LocalCopy.reloadAfterChange(levels::reload);
    return Response.noContent().build();
  }
}
