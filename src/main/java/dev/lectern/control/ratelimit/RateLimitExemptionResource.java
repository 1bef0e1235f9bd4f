package dev.lectern.control.ratelimit;

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
import dev.lectern.platform.http.AddressRanges;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Exemptions from rate limits for admins (operators read): {@code
 * /api/v1/admin/rate-limits/exemptions}. A trusted network (CIDR) or API client goes unlimited in
 * the tiers listed, or in all. Open in every mode, like the limits themselves.
 */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ALWAYS_OPEN)
@Path("api/v1/admin/rate-limits/exemptions")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class RateLimitExemptionResource {

  /** A new exemption: {@code kind} cidr or client, its {@code value}, tiers (none: all). */
  public record NewExemption(
      @NotBlank String kind,
      @NotBlank @Size(max = 100) String value,
      @Size(max = 20) List<String> tiers,
      @Size(max = 500) String reason) {}

  /** The tiers of routes; sign-in, token and password-reset throttles are never exempt. */
  static final Set<RateLimitTier> EXEMPTIBLE =
      EnumSet.of(
          RateLimitTier.READ,
          RateLimitTier.WRITE,
          RateLimitTier.UPLOAD,
          RateLimitTier.ADMIN,
          RateLimitTier.ANONYMOUS,
          RateLimitTier.ONEROSTER);

  private static final List<String> EXEMPTIBLE_LABELS =
      EXEMPTIBLE.stream().map(RateLimitTier::label).toList();

  @Inject RateLimitExemptions exemptions;
  @Inject AuditTrail audit;
  @Inject HttpServletRequest servletRequest;

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  public List<RateLimitExemption> list() {
    return exemptions.all();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("ratelimit.exempt")
  public Response add(@NotNull @Valid NewExemption exemption, @Context SecurityContext security) {
    String value = exemption.value().strip();
    List<String> tiers = exemption.tiers() == null ? List.of() : exemption.tiers();
    check(exemption.kind(), value, tiers);
    audit.target(exemption.kind() + " " + value);
    RateLimitExemption added =
        exemptions
            .add(
                exemption.kind(),
                value,
                tiers,
                exemption.reason(),
                security.getUserPrincipal().getName(),
                RequestIdFilter.idOf(servletRequest))
            .orElseThrow(
                () ->
                    new ApiException(
                        409,
                        "exemption_exists",
                        "That " + exemption.kind() + " is exempt already."));
    return Response.status(201).entity(added).build();
  }

  @DELETE
  @Path("{id}")
  @Audited("ratelimit.unexempt")
  public Response remove(
      @PathParam("id") long id,
      @QueryParam("reason") @Size(max = 500) String reason,
      @Context SecurityContext security) {
    RateLimitExemption removed =
        exemptions
            .remove(
                id,
                reason,
                security.getUserPrincipal().getName(),
                RequestIdFilter.idOf(servletRequest))
            .orElseThrow(() -> new ApiException(404, "not_found", "No exemption " + id + "."));
    audit.target(removed.kind() + " " + removed.value());
    return Response.noContent().build();
  }

  private static void check(String kind, String value, List<String> tiers) {
    List<FieldProblem> problems = new ArrayList<>();
    if (kind.equals("cidr")) {
      AddressRanges.singleRangeProblem(value)
          .ifPresent(problem -> problems.add(new FieldProblem("value", problem)));
    } else if (!kind.equals("client")) {
      problems.add(new FieldProblem("kind", "must be cidr or client"));
    }
    for (String tier : tiers) {
      if (RateLimitTier.fromLabel(tier).filter(EXEMPTIBLE::contains).isEmpty()) {
        problems.add(new FieldProblem("tiers", "one of " + EXEMPTIBLE_LABELS + ", not " + tier));
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiException(422, "validation_failed", "The exemption is not valid.", problems);
    }
  }
}
