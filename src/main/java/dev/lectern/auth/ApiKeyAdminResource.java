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
import dev.lectern.platform.http.BaseUrls;
import dev.lectern.platform.http.PathIds;
import dev.lectern.platform.migration.NeedsSchema;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API keys of OneRoster consumers, for admins: {@code /api/v1/admin/api-keys}. */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ADMINISTRATION)
@Path("api/v1/admin/api-keys")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyAdminResource {

  @Inject HttpServletRequest servletRequest;
  @Inject BaseUrls baseUrls;
  @Inject ApiKeyService apiKeys;
  @Inject AuditTrail audit;

  /** A new key; {@code orgs} empty means the whole district. */
  public record NewApiKey(
      @NotBlank @Size(max = 200) String name,
      @NotEmpty List<@NotBlank String> scopes,
      List<@NotBlank @Size(max = 255) String> orgs,
      Instant expiresAt) {}

  /** A key as listed: never its secret. */
  public record ApiKeyView(
      UUID id,
      String name,
      String clientId,
      List<String> scopes,
      List<String> orgs,
      Instant expiresAt,
      Instant revokedAt,
      Instant createdAt,
      Instant secretRotatedAt,
      Instant lastUsedAt,
      boolean active,
      boolean expiresSoon) {

    static ApiKeyView of(ApiKey key) {
      Instant now = Instant.now();
      return new ApiKeyView(
          key.id(),
          key.name(),
          key.clientId(),
          key.scopes(),
          key.orgs(),
          key.expiresAt(),
          key.revokedAt(),
          key.createdAt(),
          key.secretRotatedAt(),
          key.lastUsedAt(),
          key.isActive(now),
          key.expiresWithin(KeyMetrics.EXPIRY_WARNING, now));
    }
  }

  /** What an admin may change; absent fields stay as they are. */
  public record ApiKeyChange(
      @Size(min = 1, max = 200) String name,
      @Size(min = 1) List<@NotBlank String> scopes,
      Instant expiresAt) {}

  /** The answer to create and rotate: the only time the secret is shown. */
  public record IssuedKeyView(ApiKeyView key, String clientId, String clientSecret) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("apikey.create")
  public Response create(@NotNull @Valid NewApiKey request) {
    ApiKeyService.IssuedKey issued =
        apiKeys.create(
            request.name(),
            request.scopes(),
            request.orgs() == null ? List.of() : request.orgs(),
            request.expiresAt());
    audit.target(issued.key().clientId());
    return Response.created(
            URI.create(baseUrls.of(servletRequest) + "api/v1/admin/api-keys/" + issued.key().id()))
        .entity(view(issued))
        .build();
  }

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  public List<ApiKeyView> list() {
    return apiKeys.list().stream().map(ApiKeyView::of).toList();
  }

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  @Path("{id}")
  public ApiKeyView get(@PathParam("id") String id) {
    return ApiKeyView.of(apiKeys.find(parse(id)).orElseThrow(ApiKeyAdminResource::notFound));
  }

  /** Revokes the key: its tokens stop working on every replica within half a second. */
  @DELETE
  @Path("{id}")
  @Audited("apikey.revoke")
  public ApiKeyView revoke(@PathParam("id") String id) {
    ApiKey revoked = apiKeys.revoke(parse(id));
    audit.target(revoked.clientId());
    return ApiKeyView.of(revoked);
  }

  @POST
  @Path("{id}/revoke")
  @Audited("apikey.revoke")
  public ApiKeyView revokeByPost(@PathParam("id") String id) {
    return revoke(id);
  }

  /** Renames the key, narrows or widens its scopes, or moves its expiry (never into the past). */
  @PATCH
  @Path("{id}")
  @Audited("apikey.update")
  @Consumes(MediaType.APPLICATION_JSON)
  public ApiKeyView change(@PathParam("id") String id, @NotNull @Valid ApiKeyChange change) {
    ApiKey changed =
        apiKeys.change(
            parse(id),
            Optional.ofNullable(change.name()),
            Optional.ofNullable(change.scopes()),
            Optional.ofNullable(change.expiresAt()));
    audit.target(
        changed.clientId() + " scopes=" + changed.scopes() + " expiresAt=" + changed.expiresAt());
    return ApiKeyView.of(changed);
  }

  @POST
  @Path("{id}/rotate")
  @Audited("apikey.rotate")
  public IssuedKeyView rotate(@PathParam("id") String id) {
    ApiKeyService.IssuedKey issued = apiKeys.rotateSecret(parse(id));
    audit.target(issued.key().clientId());
    return view(issued);
  }

  private static IssuedKeyView view(ApiKeyService.IssuedKey issued) {
    return new IssuedKeyView(
        ApiKeyView.of(issued.key()), issued.key().clientId(), issued.clientSecret());
  }

  private static UUID parse(String id) {
    return PathIds.uuid(id).orElseThrow(ApiKeyAdminResource::notFound);
  }

  private static ApiException notFound() {
    return new ApiException(404, "not_found", "No API key with this id.");
  }
}
