package dev.lectern.ops.ratelimit;

import java.util.Optional;

/** Which tier a request counts against, from its method, path and kind of caller. Pure. */
final class RateLimitRules {

  enum Caller {
    ANONYMOUS,
    USER,
    API_KEY
  }

  private RateLimitRules() {}

  /**
   * The tier, or empty for requests that are never limited: probes and the JWKS (orchestrators and
   * replicas must always reach them), CORS preflights, and the login, token and password-reset
   * endpoints, which apply their own tier keyed by the username they are sent.
   */
  static Optional<RateLimitTier> tier(String method, String path, Caller caller) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (method.equals("OPTIONS")
        || p.equals("healthz")
        || p.equals("readyz")
        || p.equals("api/v1/health")
        || p.startsWith(".well-known/")
        || p.startsWith("api/v1/auth/")
        || p.equals("oauth/token")) {
      return Optional.empty();
    }
    return Optional.of(
        switch (caller) {
          case ANONYMOUS -> RateLimitTier.ANONYMOUS;
          case API_KEY -> RateLimitTier.ONEROSTER;
          case USER -> userTier(method, p);
        });
  }

  private static RateLimitTier userTier(String method, String path) {
    boolean read = method.equals("GET") || method.equals("HEAD");
    if (path.equals("api/v1/admin/imports") && method.equals("POST")) {
      return RateLimitTier.UPLOAD;
    }
    if (path.startsWith("api/v1/admin/") || path.startsWith("api/v1/cache/")) {
      return RateLimitTier.ADMIN;
    }
    return read ? RateLimitTier.READ : RateLimitTier.WRITE;
  }
}
