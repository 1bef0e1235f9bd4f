package dev.lectern.auth;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The public signing keys. MP JWT reads it to verify tokens by {@code kid}; other services may too.
 * Served from memory, so it keeps answering while the database is down.
 */
@Path(".well-known/jwks.json")
public class JwksResource {

  @Inject SigningKeyService signingKeys;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String jwks() {
    return signingKeys.jwksJson();
  }
}
