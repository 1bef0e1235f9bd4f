package dev.lectern.ops.console;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the console's files from the web module. Lectern's REST application is mapped to the whole
 * context root, so the container's file serving never sees these paths; this servlet takes {@code
 * /console/*} back, answers only names of the console's own shape (no traversal, no other part of
 * the module), and sets the strict policy the pages are written for: scripts, styles and
 * connections from this origin only, nothing inline, no eval.
 */
@WebServlet(urlPatterns = {"/console", "/console/*"})
public class ConsoleServlet extends HttpServlet {

  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
          + "img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

  private static final Pattern NAME = Pattern.compile("(?:[a-z0-9-]+/)*[a-z0-9-]+\\.[a-z]+");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png");

  private final Map<String, ConsoleFile> files = new ConcurrentHashMap<>();

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo();
    if (path == null) {
      response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
      response.setHeader("Location", request.getContextPath() + "/console/");
      return;
    }
    String name = "/".equals(path) ? "index.html" : path.substring(1);
    Optional<ConsoleFile> file = find(name);
    if (file.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setHeader("Content-Security-Policy", CSP);
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("ETag", file.get().etag());
    if (file.get().etag().equals(request.getHeader("If-None-Match"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setContentType(file.get().type());
    response.setContentLength(file.get().bytes().length);
    response.getOutputStream().write(file.get().bytes());
  }

  private Optional<ConsoleFile> find(String name) throws IOException {
    ConsoleFile known = files.get(name);
    if (known != null) {
      return Optional.of(known);
    }
    String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
    if (!NAME.matcher(name).matches() || type == null) {
      return Optional.empty();
    }
    try (InputStream in = getServletContext().getResourceAsStream("/console/" + name)) {
      if (in == null) {
        return Optional.empty();
      }
      ConsoleFile file = ConsoleFile.of(type, in.readAllBytes());
      files.put(name, file);
      return Optional.of(file);
    }
  }
}
