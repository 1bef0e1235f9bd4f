package dev.lectern.platform.gate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses a request from a denied network with 403 and Lectern's error body. Liberty's endpoints
 * that demand a login (/ibm/api) challenge before any filter runs, so there a denied caller without
 * credentials sees 401 and one with credentials 403: the endpoint's work never runs.
 */
public class NetworkGateFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Gatekeeper gatekeeper = NetworkGate.current();
    if (gatekeeper == null || !gatekeeper.refuses(request)) {
      chain.doFilter(request, response);
      return;
    }
    String requestId = gatekeeper.requestId(request);
    byte[] body =
        ("{\"error\":{\"code\":\"network_denied\",\"message\":\"Requests from this network are"
                + " refused.\",\"requestId\":\""
                + requestId
                + "\"}}")
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setHeader("X-Request-ID", requestId);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
