package dev.lectern.auth;

import dev.lectern.control.audit.AuditOutcome;
import dev.lectern.control.audit.AuditService;
import dev.lectern.control.audit.NotAudited;
import dev.lectern.control.flags.FlagContext;
import dev.lectern.control.flags.Flags;
import dev.lectern.control.flags.KnownFlag;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.BodyLimit;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateExempt;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.ratelimit.RateLimitGuard;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.http.BaseUrls;
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
import java.util.Locale;
import java.util.Map;

/** Password reset by mail: {@code /api/v1/auth/password-reset} and {@code .../confirm}. */
@Access(Caller.ANYONE)
@RateExempt("Applies the password-reset tier per client IP and username itself.")
@ModePolicy(ModeExposure.ALWAYS_OPEN)
@BodyLimit(BodyLimit.CREDENTIALS)
@Path("api/v1/auth/password-reset")
@NeedsSchema
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PasswordResetResource {

  @Inject PasswordResetService resets;
  @Inject Flags flags;
  @Inject RateLimitGuard rateLimit;
  @Inject ClientAddress clientAddress;
  @Inject AuditService audit;
  @Context HttpServletRequest servletRequest;
  @Inject BaseUrls baseUrls;

  /** The username or email of the account. */
  public record ResetRequest(@NotBlank @Size(max = 254) String username) {}

  /** The token from the mail and the new password. */
  public record ResetConfirmation(
      @NotBlank @Size(max = 128) String token, @NotNull @Size(max = 256) String newPassword) {}

  /** Always 202, whether or not the account exists. */
  @POST
  @NotAudited("recorded under the login it names: the caller is anonymous")
  public Response request(@NotNull @Valid ResetRequest request) {
    String login = request.username().strip();
    requireEnabled(login);
    rateLimit.enforce(
        RateLimitTier.PASSWORD_RESET,
        clientAddress.of(servletRequest) + "|" + login.toLowerCase(Locale.ROOT));
    resets.request(login, confirmUrl());
    audit.recordAs(login, "auth.password_reset_request", null, AuditOutcome.SUCCESS);
    return Response.accepted(
            Map.of("status", "If the account exists and has an email, a reset token was sent."))
        .build();
  }

  @POST
  @Path("confirm")
  @NotAudited("recorded under the account whose password it sets: the caller is anonymous")
  public Response confirm(@NotNull @Valid ResetConfirmation confirmation) {
    requireEnabled(null);
    rateLimit.enforce(RateLimitTier.PASSWORD_RESET, clientAddress.of(servletRequest) + "|confirm");
    String username = resets.confirm(confirmation.token(), confirmation.newPassword());
    audit.recordAs(username, "auth.password_reset", null, AuditOutcome.SUCCESS);
    return Response.noContent().build();
  }

  /** 403 while the password-reset flag is off for this caller (an admin resets instead). */
  private void requireEnabled(String login) {
    if (!flags.enabled(KnownFlag.PASSWORD_RESET, FlagContext.anonymous(login))) {
      throw new ApiException(
          403,
          "feature_disabled",
          "Password reset is turned off; an administrator can reset the password.");
    }
  }

  private String confirmUrl() {
    return baseUrls.of(servletRequest) + "api/v1/auth/password-reset/confirm";
  }
}
