package dev.lectern.ops.diagnostics;

import dev.lectern.control.audit.AuditTrail;
import dev.lectern.control.audit.Audited;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code /api/v1/admin/diagnostics/database}: pools, backends, lock waits and the oldest
 * transaction for admins and operators; cancelling a statement or ending a session for admins. Open
 * in every mode and before the schema is ready: incidents are when it is wanted.
 */
@Access({Caller.ADMIN, Caller.OPERATOR})
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ALWAYS_OPEN)
@Path("api/v1/admin/diagnostics/database")
@Produces(MediaType.APPLICATION_JSON)
public class DatabaseDiagnosticsResource {

  @Inject DatabaseDiagnostics diagnostics;
  @Inject AuditTrail audit;

  @GET
  public DatabaseReport report() {
    return diagnostics.report();
  }

  @Access(Caller.ADMIN)
  @POST
  @Path("queries/{pid}/cancel")
  @Audited("database.cancel")
  public Map<String, Object> cancel(@PathParam("pid") int pid) {
    return signal(pid, BackendSignal.CANCEL);
  }

  @Access(Caller.ADMIN)
  @POST
  @Path("queries/{pid}/terminate")
  @Audited("database.terminate")
  public Map<String, Object> terminate(@PathParam("pid") int pid) {
    return signal(pid, BackendSignal.TERMINATE);
  }

  private Map<String, Object> signal(int pid, BackendSignal signal) {
    audit.target("backend " + pid);
    diagnostics.signal(pid, signal);
    return Map.of("pid", pid, "signal", signal.name().toLowerCase(java.util.Locale.ROOT));
  }
}
