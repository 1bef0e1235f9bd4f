package dev.lectern.ops.diagnostics;

import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.platform.migration.MigrationHistory;
import dev.lectern.platform.migration.MigrationReport;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/admin/migrations}: the schema version, what is pending and the history, for
 * admins and operators checking an upgrade. Served while the schema is not ready too, since that is
 * when it is wanted.
 */
@Access({Caller.ADMIN, Caller.OPERATOR})
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ALWAYS_OPEN)
@Path("api/v1/admin/migrations")
@Produces(MediaType.APPLICATION_JSON)
public class MigrationsResource {

  @Inject MigrationHistory migrations;

  @GET
  public MigrationReport report() {
    return migrations.report();
  }
}
