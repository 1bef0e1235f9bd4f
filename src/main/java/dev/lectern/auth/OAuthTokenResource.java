package dev.lectern.auth;

import dev.lectern.control.audit.AuditOutcome;
import dev.lectern.control.audit.AuditService;
import dev.lectern.control.audit.NotAudited;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.BodyLimit;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateExempt;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.ratelimit.RateLimitGuard;
import dev.lectern.platform.http.ClientAddress;
import dev.lectern.platform.migration.NeedsSchema;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4) for OneRoster consumers, with the client
 * authenticating by HTTP Basic ({@code client_secret_basic}) or form fields ({@code
 * client_secret_post}). Errors use OAuth's own shape, which OAuth clients parse.
 */
@Access(Caller.ANYONE)
@RateExempt("Applies the auth tier per client IP and client id itself.")
@ModePolicy(ModeExposure.ALWAYS_OPEN)
@BodyLimit(BodyLimit.CREDENTIALS)
@Path("oauth/token")
@NeedsSchema
public class OAuthTokenResource {

  @Inject ApiKeyService apiKeys;
  @Inject AccessTokenIssuer tokens;
  @Inject RateLimitGuard rateLimit;
  @Inject AuditService audit;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest servletRequest;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @NotAudited("recorded under the client id it authenticates")
  @Produces(MediaType.APPLICATION_JSON)
  public Response token(
      @HeaderParam("Authorization") String authorization,
      @FormParam("grant_type") String grantType,
      @FormParam("scope") String scope,
      @FormParam("client_id") String formClientId,
      @FormParam("client_secret") String formClientSecret) {
    if (!"client_credentials".equals(grantType)) {
      return error(400, "unsupported_grant_type", "Only client_credentials is supported.");
    }
    Optional<String[]> basic = basicCredentials(authorization);
    String clientId = basic.map(c -> c[0]).orElse(formClientId);
    String clientSecret = basic.map(c -> c[1]).orElse(formClientSecret);
    rateLimit.enforce(RateLimitTier.AUTH, clientAddress.of(servletRequest) + "|client:" + clientId);
    if (clientId == null || clientSecret == null) {
      return error(401, "invalid_client", "Client authentication is required.");
    }
    Optional<ApiKey> key = apiKeys.authenticate(clientId, clientSecret);
    audit.recordAs(
        "client:" + clientId,
        "oauth.token",
        null,
        key.isPresent() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE);
    if (key.isEmpty()) {
      return error(401, "invalid_client", "Unknown client, wrong secret, or revoked key.");
    }
    List<String> granted = key.get().scopes();
    List<String> requested =
        scope == null || scope.isBlank() ? granted : Arrays.asList(scope.strip().split("\\s+"));
    for (String uri : requested) {
      if (OneRosterScope.fromUri(uri).isEmpty() || !granted.contains(uri)) {
        return error(400, "invalid_scope", "Scope not granted to this client: " + uri);
      }
    }
    AccessTokenIssuer.IssuedToken token = tokens.issueForClient(key.get(), requested);
    return Response.ok(
            Map.of(
                "access_token", token.token(),
                "token_type", "bearer",
                "expires_in", token.expiresInSeconds(),
                "scope", String.join(" ", requested)))
        .header("Cache-Control", "no-store")
        .build();
  }

  private static Optional<String[]> basicCredentials(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).strip()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? Optional.empty()
          : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Response error(int status, String error, String description) {
    Response.ResponseBuilder response =
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("error", error, "error_description", description));
    if (status == 401) {
      response.header("WWW-Authenticate", "Basic realm=\"lectern\"");
    }
    return response.build();
  }
}
