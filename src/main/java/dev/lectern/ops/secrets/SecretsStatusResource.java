package dev.lectern.ops.secrets;

import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.platform.migration.NeedsSchema;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/admin/secrets/status}: each secret's key id, age or standing, for admins and
 * operators planning or checking a rotation. Never a value.
 */
@Access({Caller.ADMIN, Caller.OPERATOR})
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ALWAYS_OPEN)
@Path("api/v1/admin/secrets/status")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class SecretsStatusResource {

  @Inject SecretsStatusService secrets;

  @GET
  public SecretsStatus status() {
    return secrets.status();
  }
}
