package dev.lectern.auth;

import dev.lectern.control.audit.AuditTrail;
import dev.lectern.control.audit.Audited;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.migration.NeedsSchema;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/**
 * Token signing keys for admins: {@code GET /api/v1/admin/auth/keys}, {@code POST
 * /api/v1/admin/auth/keys/rotate} and, in a master-key rotation, {@code POST .../reseal}. Private
 * halves never leave the database.
 */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ADMINISTRATION)
@Path("api/v1/admin/auth/keys")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class SigningKeyAdminResource {

  @Inject SigningKeyService keys;
  @Inject MasterKeyRotation masterKeys;
  @Inject AuditTrail audit;

  /**
   * One key: {@code signsFrom} is when a key in state {@code next} starts signing, {@code
   * retiresAt} when a retiring key leaves the JWKS.
   */
  public record SigningKeyView(
      String kid,
      String state,
      Instant createdAt,
      Instant activatedAt,
      Instant signsFrom,
      Instant retiresAt) {}

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  public List<SigningKeyView> list() {
    return keys.all().stream().map(this::view).toList();
  }

  @POST
  @Path("rotate")
  @Audited("auth.key_rotate")
  public Response rotate() {
    SigningKey next = keys.rotate();
    audit.target(next.kid());
    return Response.accepted(view(next)).build();
  }

  /**
   * Reseals every private key that only {@code LECTERN_MASTER_KEY_PREVIOUS} opens under {@code
   * LECTERN_MASTER_KEY}: run once every replica has the new key, before the previous one is
   * removed.
   */
  @POST
  @Path("reseal")
  @Audited("auth.master_key_reseal")
  public MasterKeyStatus.Resealed reseal() {
    if (!masterKeys.hasMasterKey()) {
      throw new ApiException(409, "no_master_key", "LECTERN_MASTER_KEY is not set.");
    }
    MasterKeyStatus.Resealed resealed = masterKeys.reseal();
    audit.target(resealed.resealed() + " resealed");
    return resealed;
  }

  private SigningKeyView view(SigningKey key) {
    return new SigningKeyView(
        key.kid(),
        key.state(),
        key.createdAt(),
        key.activatedAt(),
        key.state().equals("next") ? keys.activationOf(key) : null,
        key.retiredAt());
  }
}
