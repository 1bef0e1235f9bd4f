package dev.lectern.auth;

import dev.lectern.ops.audit.AuditOutcome;
import dev.lectern.ops.audit.AuditService;
import dev.lectern.ops.ratelimit.RateLimitGuard;
import dev.lectern.ops.ratelimit.RateLimitTier;
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
import java.util.Locale;
import java.util.logging.Logger;

/** Password login for platform accounts: {@code POST /api/v1/auth/login}. */
@Path("api/v1/auth")
@NeedsSchema
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LoginResource {

  private static final Logger LOG = Logger.getLogger(LoginResource.class.getName());

  @Inject AccountService accounts;
  @Inject AccessTokenIssuer tokens;
  @Inject RateLimitGuard rateLimit;
  @Inject AuditService audit;
  @Inject ClientAddress clientAddress;
  @Context HttpServletRequest servletRequest;

  /** Username or email, and password. */
  public record LoginRequest(
      @NotBlank @Size(max = 254) String username, @NotBlank @Size(max = 256) String password) {}

  /** The bearer token to send as {@code Authorization: Bearer ...}. */
  public record LoginResponse(String accessToken, String tokenType, long expiresIn) {}

  @POST
  @Path("login")
  public LoginResponse login(@NotNull @Valid LoginRequest request) {
    try {
      rateLimit.enforce(
          RateLimitTier.AUTH,
          clientAddress.of(servletRequest)
              + "|"
              + request.username().strip().toLowerCase(Locale.ROOT));
    } catch (ApiException throttled) {
      audit.recordAs(request.username(), "auth.login", "throttled", AuditOutcome.DENIED);
      throw throttled;
    }
    PlatformAccount account =
        accounts
            .authenticate(request.username(), request.password())
            .orElseThrow(
                () -> {
                  audit.recordAs(request.username(), "auth.login", null, AuditOutcome.FAILURE);
                  LOG.warning(() -> "Login refused for " + printable(request.username()));
                  return new ApiException(
                      401, "invalid_credentials", "The username or password is incorrect.");
                });
    AccessTokenIssuer.IssuedToken token = tokens.issue(account);
    audit.recordAs(account.username(), "auth.login", null, AuditOutcome.SUCCESS);
    LOG.info(() -> "Login of " + printable(account.username()));
    return new LoginResponse(token.token(), "Bearer", token.expiresInSeconds());
  }

  /** A login name as it may appear in a log line: quoted, printable, bounded. */
  static String printable(String login) {
    String visible =
        login
            .codePoints()
            .map(c -> Character.isISOControl(c) ? '?' : c)
            .limit(64)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return "'" + visible + "'";
  }
}
