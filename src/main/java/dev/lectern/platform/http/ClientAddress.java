package dev.lectern.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Enumeration;

/** The address of the client behind a request, for rate limits and the audit log. */
@ApplicationScoped
public class ClientAddress {

  @Inject HttpConfig config;

  public String of(HttpServletRequest request) {
    return config.trustedProxies().client(request.getRemoteAddr(), forwardedFor(request));
  }

  /**
   * Every {@code X-Forwarded-For} line as one list: a proxy that adds a line of its own instead of
   * appending to the client's must not let the client's line stand for the nearest hop.
   */
  public static String forwardedFor(HttpServletRequest request) {
    Enumeration<String> lines = request.getHeaders("X-Forwarded-For");
    if (lines == null || !lines.hasMoreElements()) {
      return null;
    }
    return String.join(",", Collections.list(lines));
  }
}
