package dev.lectern.auth;

import dev.lectern.control.audit.AuditTrail;
import dev.lectern.control.audit.Audited;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.platform.migration.NeedsSchema;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Incident lockdown for admins: {@code POST /api/v1/admin/auth/lockdown}. */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ALWAYS_OPEN)
@Path("api/v1/admin/auth/lockdown")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class LockdownResource {

  @Inject LockdownService lockdown;
  @Inject AuditTrail audit;

  /** Optional body {@code {"apiKeys": true}} also revokes every API key. */
  public record LockdownRequest(Boolean apiKeys) {}

  @POST
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  @Audited("auth.lockdown")
  public LockdownService.Lockdown lockDown(LockdownRequest request) {
    boolean apiKeys = request != null && Boolean.TRUE.equals(request.apiKeys());
    LockdownService.Lockdown done = lockdown.lockDown(apiKeys);
    audit.target(apiKeys ? "sessions, access tokens, API keys" : "sessions, access tokens");
    return done;
  }
}
