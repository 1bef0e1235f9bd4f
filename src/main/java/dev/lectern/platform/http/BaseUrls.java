package dev.lectern.platform.http;

import jakarta.servlet.http.HttpServletRequest;

/** The server's own base URL as the caller reached it, for hrefs and discovery documents. */
public final class BaseUrls {

  private BaseUrls() {}

  /** Scheme, host, port and context path, ending with a slash. */
  public static String of(HttpServletRequest request) {
    String url = request.getRequestURL().toString();
    return url.substring(0, url.length() - request.getRequestURI().length())
        + request.getContextPath()
        + "/";
  }
}
