package dev.lectern.platform.redis;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import redis.clients.jedis.DefaultJedisClientConfig;

/** Reads credentials and database number out of a {@code redis://user:pass@host:port/db} URI. */
final class RedisUris {

  private RedisUris() {}

  static void applyCredentials(URI uri, DefaultJedisClientConfig.Builder config) {
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? null : decode(userInfo.substring(0, colon));
      String password = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
      if (user != null && !user.isEmpty()) {
        config.user(user);
      }
      config.password(password);
    }
    String path = uri.getPath();
    if (path != null && path.length() > 1) {
      config.database(Integer.parseInt(path.substring(1)));
    }
    if ("rediss".equalsIgnoreCase(uri.getScheme())) {
      config.ssl(true);
    }
  }

  /** The URI without its password, safe to log. */
  static String redacted(URI uri) {
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + port
        + (uri.getPath() == null ? "" : uri.getPath());
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
