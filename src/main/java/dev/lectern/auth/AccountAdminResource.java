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
import dev.lectern.platform.error.ErrorBody.FieldProblem;
import dev.lectern.platform.http.BaseUrls;
import dev.lectern.platform.http.PathIds;
import dev.lectern.platform.migration.NeedsSchema;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Platform accounts for admins: {@code /api/v1/admin/users}. */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ADMINISTRATION)
@Path("api/v1/admin/users")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class AccountAdminResource {

  @Inject AccountService accounts;
  @Inject PasswordResetService resets;
  @Inject HttpServletRequest servletRequest;
  @Inject BaseUrls baseUrls;
  @Inject AuditTrail audit;

  /** A new account; roles are claim names such as {@code operator}. */
  public record NewAccount(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+") String username,
      @Email @Size(max = 254) String email,
      @NotNull @Size(max = 256) String password,
      @NotNull @Size(min = 1, max = 4) List<@NotBlank String> roles) {}

  /** One page of accounts. */
  public record AccountPage(List<AccountView> users, long total, int offset, int limit) {}

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  public AccountPage list(
      @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    List<AccountView> page = accounts.list(offset, limit).stream().map(AccountView::of).toList();
    return new AccountPage(page, accounts.count(), offset, limit);
  }

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  @Path("{id}")
  public AccountView get(@PathParam("id") String id) {
    return PathIds.uuid(id)
        .flatMap(accounts::find)
        .map(AccountView::of)
        .orElseThrow(() -> new ApiException(404, "not_found", "No account with this id."));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("account.create")
  public Response create(@NotNull @Valid NewAccount request) {
    PlatformAccount created =
        accounts.create(
            request.username(), request.email(), request.password(), roles(request.roles()));
    audit.target(created.username() + " " + request.roles());
    return Response.created(
            URI.create(baseUrls.of(servletRequest) + "api/v1/admin/users/" + created.id()))
        .entity(AccountView.of(created))
        .build();
  }

  /** What an admin may change; absent fields stay as they are. */
  public record AccountChange(
      Boolean enabled, @Size(min = 1, max = 4) List<@NotBlank String> roles) {}

  /** Enables or disables an account, or sets its roles; disabling ends its sessions. */
  @PATCH
  @Path("{id}")
  @Audited("account.update")
  @Consumes(MediaType.APPLICATION_JSON)
  public AccountView update(@PathParam("id") String id, @NotNull @Valid AccountChange change) {
    UUID accountId = PathIds.uuid(id).orElseThrow(AccountAdminResource::notFound);
    PlatformAccount updated =
        accounts.update(
            accountId,
            Optional.ofNullable(change.enabled()),
            Optional.ofNullable(change.roles()).map(AccountAdminResource::roles));
    if (!updated.enabled()) {
      resets.endSessions(accountId);
    }
    audit.target(
        updated.username() + " enabled=" + updated.enabled() + " roles=" + updated.roles());
    return AccountView.of(updated);
  }

  /**
   * Forces a password reset: the current password stops working, every session ends, and a reset
   * token is mailed to the account's address.
   */
  @POST
  @Path("{id}/password-reset")
  @Audited("account.password_reset")
  public Response forcePasswordReset(@PathParam("id") String id) {
    UUID accountId = PathIds.uuid(id).orElseThrow(AccountAdminResource::notFound);
    PasswordResetService.ForcedReset reset =
        resets.force(accountId, baseUrls.of(servletRequest) + "api/v1/auth/password-reset/confirm");
    audit.target(reset.username());
    return Response.accepted(Map.of("passwordInvalidated", true, "mailed", reset.mailed())).build();
  }

  private static ApiException notFound() {
    return new ApiException(404, "not_found", "No account with this id.");
  }

  private static Set<Role> roles(List<String> names) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : names) {
      roles.add(
          Role.fromClaim(name)
              .orElseThrow(
                  () ->
                      new ApiException(
                          422,
                          "validation_failed",
                          "The account is not valid.",
                          List.of(
                              new FieldProblem(
                                  "roles", "unknown role '" + name + "'; use " + knownRoles())))));
    }
    return roles;
  }

  private static String knownRoles() {
    return String.join(", ", EnumSet.allOf(Role.class).stream().map(Role::claim).toList());
  }
}
