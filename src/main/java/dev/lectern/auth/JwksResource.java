package dev.lectern.auth;

import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateExempt;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The public signing keys. MP JWT reads it to verify tokens by {@code kid}; other services may too.
 * Served from memory, so it keeps answering while the database is down.
 */
@Access(Caller.ANYONE)
@RateExempt("Replicas and token verifiers must always reach the signing keys.")
@ModePolicy(ModeExposure.ALWAYS_OPEN)
@Path(".well-known/jwks.json")
public class JwksResource {

  @Inject SigningKeyService signingKeys;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String jwks() {
    return signingKeys.jwksJson();
  }
}
