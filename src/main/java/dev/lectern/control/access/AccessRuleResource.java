package dev.lectern.control.access;

import dev.lectern.control.audit.AuditTrail;
import dev.lectern.control.audit.Audited;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.http.ClientAddress;
import dev.lectern.platform.http.HttpConfig;
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
import java.util.List;

/**
 * Denied networks for admins (operators read): {@code /api/v1/admin/access-rules}. A denied range
 * gets 403 on every path of the server within seconds, on every replica. Open in every mode: an
 * attack does not wait for maintenance to end.
 */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ALWAYS_OPEN)
@Path("api/v1/admin/access-rules")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class AccessRuleResource {

  /** A network to deny: one address or CIDR range, at most /8 (IPv4) or /32 (IPv6) wide. */
  public record NewRule(@NotBlank @Size(max = 64) String cidr, @Size(max = 500) String reason) {}

  @Inject AccessRules rules;
  @Inject AuditTrail audit;
  @Inject ClientAddress clientAddress;
  @Inject HttpConfig http;
  @Inject HttpServletRequest servletRequest;

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  public List<AccessRule> list() {
    return rules.all();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("access.deny")
  public Response deny(@NotNull @Valid NewRule rule, @Context SecurityContext security) {
    String cidr =
        DeniableRange.check(rule.cidr(), clientAddress.of(servletRequest), http.trustedProxies());
    audit.target(cidr);
    AccessRule added =
        rules
            .deny(
                cidr,
                rule.reason(),
                security.getUserPrincipal().getName(),
                RequestIdFilter.idOf(servletRequest))
            .orElseThrow(() -> new ApiException(409, "rule_exists", cidr + " is denied already."));
    return Response.status(201).entity(added).build();
  }

  @DELETE
  @Path("{id}")
  @Audited("access.allow")
  public Response lift(
      @PathParam("id") long id,
      @QueryParam("reason") @Size(max = 500) String reason,
      @Context SecurityContext security) {
    AccessRule removed =
        rules
            .lift(
                id,
                reason,
                security.getUserPrincipal().getName(),
                RequestIdFilter.idOf(servletRequest))
            .orElseThrow(() -> new ApiException(404, "not_found", "No access rule " + id + "."));
    audit.target(removed.cidr());
    return Response.noContent().build();
  }
}
