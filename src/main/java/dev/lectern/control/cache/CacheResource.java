package dev.lectern.control.cache;

import dev.lectern.control.audit.AuditTrail;
import dev.lectern.control.audit.Audited;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.platform.error.ApiException;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * Cache administration under {@code /api/v1/cache}: stats for admins and operators, clearing and
 * invalidating by pattern for admins. It stays open in every mode: the cache holds no data of its
 * own.
 */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ALWAYS_OPEN)
@Path("api/v1/cache")
@Produces(MediaType.APPLICATION_JSON)
public class CacheResource {

  @Inject CacheService cache;
  @Inject AuditTrail audit;

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  @Path("stats")
  public CacheStats stats() {
    return cache.stats();
  }

  @POST
  @Path("clear")
  @Audited("cache.clear")
  public Map<String, Long> clear() {
    long deleted = cache.clear();
    audit.target("*");
    return Map.of("deleted", deleted);
  }

  /** Invalidates the keys matching one pattern segment, such as {@code roster:*}. */
  @DELETE
  @Path("{pattern}")
  @Audited("cache.invalidate")
  public Map<String, Object> invalidate(@PathParam("pattern") String pattern) {
    return invalidatePattern(pattern);
  }

  /** The same with {@code ?pattern=}, for patterns a path segment cannot carry. */
  @DELETE
  @Audited("cache.invalidate")
  public Map<String, Object> invalidateByQuery(@QueryParam("pattern") String pattern) {
    return invalidatePattern(pattern);
  }

  private Map<String, Object> invalidatePattern(String pattern) {
    audit.target(pattern);
    if (pattern == null || pattern.isBlank() || pattern.length() > 200) {
      throw new ApiException(400, "invalid_pattern", "Give a key pattern such as roster:*.");
    }
    long deleted = cache.invalidate(pattern);
    return Map.of("pattern", pattern, "deleted", deleted);
  }
}
