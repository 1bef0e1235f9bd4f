package dev.lectern.control.ratelimit;

import dev.lectern.control.audit.AuditTrail;
import dev.lectern.control.audit.Audited;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.control.ratelimit.RateLimitOverrideRepository.Override;
import dev.lectern.control.settings.SettingChange;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.error.ErrorBody.FieldProblem;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Rate limits at runtime for admins (operators read): {@code /api/v1/admin/rate-limits}. A tier's
 * limit changes without a restart ({@code n/duration} or {@code off}) and goes back to its
 * configured value when the override is deleted. Open in every mode: an incident is when it is
 * needed.
 */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ALWAYS_OPEN)
@Path("api/v1/admin/rate-limits")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class RateLimitResource {

  private static final int HISTORY_SHOWN = 200;

  /** A tier: its limit in force, the configured one, and the runtime override if any. */
  public record TierView(
      String tier,
      String limit,
      String configured,
      String override,
      String reason,
      Instant updatedAt,
      String updatedBy) {}

  /** A new limit: {@code 100/1m} (units s, m, h, d) or {@code off}. */
  public record LimitChange(@NotBlank String limit, @Size(max = 500) String reason) {}

  @Inject RateLimitOverrides limits;
  @Inject RateLimitConfig config;
  @Inject AuditTrail audit;
  @Inject HttpServletRequest servletRequest;

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  public List<TierView> list() {
    return Arrays.stream(RateLimitTier.values()).map(this::view).toList();
  }

  @PUT
  @Path("{tier}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("ratelimit.change")
  public TierView set(
      @PathParam("tier") String label,
      @NotNull @Valid LimitChange change,
      @Context SecurityContext security) {
    RateLimitTier tier = tier(label);
    String rule = change.limit().strip();
    try {
      RateLimitPolicy.parse(rule);
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          422,
          "validation_failed",
          "The limit is not valid.",
          List.of(new FieldProblem("limit", e.getMessage())));
    }
    audit.target(tier.label() + " " + rule);
    limits.set(
        tier,
        rule,
        change.reason(),
        security.getUserPrincipal().getName(),
        RequestIdFilter.idOf(servletRequest));
    return view(tier);
  }

  /** Gives the tier its configured limit back. */
  @DELETE
  @Path("{tier}")
  @Audited("ratelimit.reset")
  public Response clear(
      @PathParam("tier") String label,
      @QueryParam("reason") @Size(max = 500) String reason,
      @Context SecurityContext security) {
    RateLimitTier tier = tier(label);
    audit.target(tier.label());
    boolean cleared =
        limits.clear(
            tier,
            reason,
            security.getUserPrincipal().getName(),
            RequestIdFilter.idOf(servletRequest));
    if (!cleared) {
      throw new ApiException(
          404, "not_found", "Tier " + tier.label() + " has no limit set at runtime.");
    }
    return Response.noContent().build();
  }

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  @Path("{tier}/history")
  public List<SettingChange> history(@PathParam("tier") String label) {
    return limits.history(tier(label), HISTORY_SHOWN);
  }

  private TierView view(RateLimitTier tier) {
    Override override = limits.override(tier).orElse(null);
    return new TierView(
        tier.label(),
        limits.policy(tier).map(RateLimitResource::written).orElse("off"),
        config.policy(tier).map(RateLimitResource::written).orElse("off"),
        override == null ? null : override.rule(),
        override == null ? null : override.reason(),
        override == null ? null : override.updatedAt(),
        override == null ? null : override.updatedBy());
  }

  private static String written(RateLimitPolicy policy) {
    return policy.count() + "/" + policy.window().toSeconds() + "s";
  }

  private static RateLimitTier tier(String label) {
    return RateLimitTier.fromLabel(label)
        .orElseThrow(() -> new ApiException(404, "not_found", "No rate-limit tier " + label + "."));
  }
}
