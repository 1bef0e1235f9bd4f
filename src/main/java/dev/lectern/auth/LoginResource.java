package dev.lectern.auth;

import dev.lectern.control.audit.AuditOutcome;
import dev.lectern.control.audit.AuditService;
import dev.lectern.control.audit.AuditTrail;
import dev.lectern.control.audit.Audited;
import dev.lectern.control.audit.NotAudited;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.BodyLimit;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateExempt;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.http.ClientAddress;
import dev.lectern.platform.migration.NeedsSchema;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Sessions of platform accounts: password login, refresh-token rotation, logout of one session or
 * of all of them ({@code /api/v1/auth/...}).
 */
@Access(Caller.ANYONE)
@RateExempt("Signing in applies the auth tier per client IP and username itself.")
@ModePolicy(ModeExposure.ALWAYS_OPEN)
@BodyLimit(BodyLimit.CREDENTIALS)
@Path("api/v1/auth")
@NeedsSchema
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LoginResource {

  private static final Logger LOG = Logger.getLogger(LoginResource.class.getName());

  @Inject AccountService accounts;
  @Inject SignInService signIns;
  @Inject AccessTokenIssuer tokens;
  @Inject RefreshTokenService sessions;
  @Inject AuditService audit;
  @Inject AuditTrail trail;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest servletRequest;

  /** Username or email, and password. */
  public record LoginRequest(
      @NotBlank @Size(max = 254) String username, @NotBlank @Size(max = 256) String password) {}

  /**
   * The bearer token to send as {@code Authorization: Bearer ...}, and the refresh token that gets
   * the next one (absent while Redis is unreachable: sign in again when the access token expires).
   */
  public record LoginResponse(
      String accessToken, String tokenType, long expiresIn, String refreshToken) {}

  /** A refresh token, for refresh and logout. */
  public record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {}

  @POST
  @Path("login")
  @NotAudited("the sign-in service records each attempt under the login it names")
  public LoginResponse login(@NotNull @Valid LoginRequest request) {
    PlatformAccount account =
        signIns.signIn(request.username(), request.password(), clientAddress.of(servletRequest));
    AccessTokenIssuer.IssuedToken token = tokens.issue(account);
    String refreshToken = sessions.start(account.id()).orElse(null);
    return new LoginResponse(token.token(), "Bearer", token.expiresInSeconds(), refreshToken);
  }

  /** Rotates the refresh token; a token used twice ends its whole session family. */
  @POST
  @Path("refresh")
  @NotAudited("renews a session; a reused refresh token is recorded under its account")
  public LoginResponse refresh(@NotNull @Valid RefreshRequest request) {
    RefreshTokenService.Rotation rotation;
    try {
      rotation = sessions.rotate(request.refreshToken());
    } catch (RefreshTokenService.ReuseDetected reuse) {
      String who = accounts.find(reuse.accountId()).map(PlatformAccount::username).orElse("?");
      audit.recordAs(who, "auth.refresh_reuse", "session revoked", AuditOutcome.DENIED);
      LOG.warning(
          () -> "Refresh token reused for " + SignInService.printable(who) + "; session revoked");
      throw reuse;
    }
    PlatformAccount account =
        accounts
            .find(rotation.accountId())
            .filter(PlatformAccount::enabled)
            .orElseThrow(
                () -> new ApiException(401, "invalid_refresh_token", "The account is disabled."));
    AccessTokenIssuer.IssuedToken token = tokens.issue(account);
    return new LoginResponse(
        token.token(), "Bearer", token.expiresInSeconds(), rotation.refreshToken());
  }

  /** Ends this session: its refresh token and every successor stop working. */
  @POST
  @Path("logout")
  @Audited("auth.logout")
  public Response logout(@NotNull @Valid RefreshRequest request) {
    sessions.end(request.refreshToken());
    return Response.noContent().build();
  }

  /** Ends every session of the signed-in account. */
  @Access(Caller.ACCOUNT)
  @POST
  @Path("logout-all")
  @Audited("auth.logout_all")
  @Consumes(MediaType.WILDCARD)
  public Map<String, Long> logoutAll(@Context SecurityContext security) {
    PlatformAccount account =
        Optional.ofNullable(security.getUserPrincipal())
            .flatMap(p -> accounts.findByLogin(p.getName()))
            .orElseThrow(() -> new ApiException(401, "unauthorized", "Sign in first."));
    long ended = sessions.endAll(account.id());
    accounts.revokeTokens(account.id());
    trail.target(account.username());
    return Map.of("endedSessions", ended);
  }
}
