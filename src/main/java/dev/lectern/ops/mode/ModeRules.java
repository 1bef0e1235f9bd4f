package dev.lectern.ops.mode;

/**
 * Which requests a mode refuses. Pure. Probes, metrics and the JWKS are never refused; signing in
 * always works (admins must be able to sign in to end a maintenance); the mode itself, incident
 * lockdown and the cache (which holds no data of its own) stay reachable in every mode.
 */
final class ModeRules {

  private ModeRules() {}

  static boolean refuses(OperatingMode mode, String method, String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (mode == OperatingMode.NORMAL || alwaysOpen(p)) {
      return false;
    }
    if (mode == OperatingMode.MAINTENANCE) {
      return !(p.startsWith("api/v1/admin/") || p.startsWith("api/v1/cache/"));
    }
    boolean write = !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    return write;
  }

  private static boolean alwaysOpen(String path) {
    return path.equals("healthz")
        || path.equals("readyz")
        || path.equals("api/v1/health")
        || path.startsWith(".well-known/")
        || path.startsWith("api/v1/auth/")
        || path.equals("oauth/token")
        || path.equals("api/v1/admin/mode")
        || path.startsWith("api/v1/cache/")
        || path.equals("api/v1/admin/auth/lockdown");
  }
}
