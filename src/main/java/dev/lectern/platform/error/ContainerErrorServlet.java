package dev.lectern.platform.error;

import dev.lectern.platform.request.RequestIdFilter;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * Error page for failures the container answers before JAX-RS sees the request: a missing or
 * rejected bearer token on a protected path, an oversized request. Registered in web.xml so those
 * responses carry the same JSON shape and request id as every other error.
 */
@WebServlet(urlPatterns = ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

  static final String PATH = "/_lectern/error";

  private static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    Object originalUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    boolean oneRoster =
        originalUri != null && originalUri.toString().startsWith(ImsxBody.PATH_PREFIX);
    Object body =
        oneRoster
            ? ErrorResponses.imsx(status, null, null)
            : ErrorResponses.body(status, null, null, List.of(), RequestIdFilter.idOf(request));
    JSONB.toJson(body, response.getWriter());
  }
}
