package dev.lectern.control.mode;

import dev.lectern.control.audit.AuditTrail;
import dev.lectern.control.audit.Audited;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.error.ErrorBody.FieldProblem;
import dev.lectern.platform.migration.NeedsSchema;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The operating mode for admins (operators read it): {@code /api/v1/admin/mode}. */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ALWAYS_OPEN)
@Path("api/v1/admin/mode")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class ModeResource {

  @Inject ModeService modes;
  @Inject AuditTrail audit;

  /** A change: {@code mode} is normal, read-only or maintenance; {@code until} ISO 8601 UTC. */
  public record ModeChange(@NotBlank String mode, @Size(max = 500) String reason, String until) {}

  /** The mode in force, and what was set. */
  public record ModeView(
      String mode,
      String setMode,
      String reason,
      Instant until,
      Instant changedAt,
      String changedBy) {

    static ModeView of(ModeState state) {
      return new ModeView(
          state.effective(Instant.now()).label(),
          state.mode().label(),
          state.reason(),
          state.until(),
          state.changedAt(),
          state.changedBy());
    }
  }

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  public ModeView get() {
    return ModeView.of(modes.current());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("mode.change")
  public ModeView set(@NotNull @Valid ModeChange change, @Context SecurityContext security) {
    OperatingMode mode =
        OperatingMode.fromLabel(change.mode())
            .orElseThrow(() -> invalid("mode", "must be normal, read-only or maintenance"));
    Instant until = null;
    if (change.until() != null && !change.until().isBlank()) {
      try {
        until = Instant.parse(change.until());
      } catch (DateTimeParseException e) {
        throw invalid("until", "must be an ISO 8601 UTC time such as 2026-11-24T06:00:00Z");
      }
    }
    String actor = security.getUserPrincipal().getName();
    ModeState state = modes.set(mode, change.reason(), until, actor);
    audit.target(mode.label() + (change.reason() == null ? "" : ": " + change.reason()));
    return ModeView.of(state);
  }

  private static ApiException invalid(String field, String problem) {
    return new ApiException(
        422,
        "validation_failed",
        "The mode change is not valid.",
        List.of(new FieldProblem(field, problem)));
  }
}
