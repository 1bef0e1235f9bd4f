package dev.lectern.ops.diagnostics;

import dev.lectern.control.audit.Audited;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /api/v1/admin/diagnostics/thread-dump}: this replica's threads as text, for a hung or
 * slow server when no shell reaches the container. Admins only and audited: stacks name what the
 * server is doing for whom. A POST because each call makes something new.
 */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ALWAYS_OPEN)
@Path("api/v1/admin/diagnostics/thread-dump")
public class JvmDiagnosticsResource {

  @POST
  @Produces(MediaType.TEXT_PLAIN)
  @Audited("diagnostics.thread_dump")
  public String threadDump() {
    return ThreadDump.now();
  }
}
