package dev.lectern.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** The address of the client behind a request, for rate limits and the audit log. */
@ApplicationScoped
public class ClientAddress {

  @Inject HttpConfig config;

  public String of(HttpServletRequest request) {
    return config
        .trustedProxies()
        .client(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
  }
}
