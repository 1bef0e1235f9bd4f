package dev.lectern.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The base of every URL Lectern writes (hrefs, page links, Location, discovery, reset links):
 * {@code LECTERN_PUBLIC_URL} when it is set, as production requires. Without it (development), the
 * address the request reached, but only when its Host names this listener: a client's Host header
 * never puts another site into a link.
 */
@ApplicationScoped
public class BaseUrls {

  @Inject HttpConfig config;

  /** Scheme, host, port and context path, ending with a slash. */
  public String of(HttpServletRequest request) {
    return config.publicUrl().orElseGet(() -> listener(request)) + contextPath(request);
  }

  /** This request's own URL under that base, without its query: for page links. */
  public String requestUrl(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return of(request) + (path.startsWith("/") ? path.substring(1) : path);
  }

  private static String listener(HttpServletRequest request) {
    String host = request.getServerName();
    boolean named =
        request.getServerPort() == request.getLocalPort()
            && host != null
            && (host.equalsIgnoreCase("localhost")
                || host.equals(request.getLocalAddr())
                || host.equalsIgnoreCase(request.getLocalName()));
    String shown = named ? host.toLowerCase(Locale.ROOT) : "localhost";
    if (shown.indexOf(':') >= 0 && !shown.startsWith("[")) {
      shown = "[" + shown + "]";
    }
    return request.getScheme() + "://" + shown + ":" + request.getLocalPort() + "/";
  }

  private static String contextPath(HttpServletRequest request) {
    String context = request.getContextPath();
    return context == null || context.isEmpty() ? "" : context.substring(1) + "/";
  }
}
