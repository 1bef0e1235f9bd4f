package dev.lectern.ops.diagnostics;

import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The path template a resource method serves ({@code /ims/oneroster/rostering/v1p2/users/{id}}),
 * from its class's and its own {@link Path}: a label with one value per route, whatever ids the
 * requests carry, so a metric stays a few hundred series.
 */
public final class RouteTemplates {

  private static final Map<Method, String> KNOWN = new ConcurrentHashMap<>();

  private RouteTemplates() {}

  public static String of(Class<?> resource, Method method) {
    return KNOWN.computeIfAbsent(method, m -> build(resource, m));
  }

  static String build(Class<?> resource, Method method) {
    StringBuilder template = new StringBuilder();
    append(template, resource.getAnnotation(Path.class));
    append(template, method.getAnnotation(Path.class));
    return template.length() == 0 ? "/" : template.toString();
  }

  private static void append(StringBuilder template, Path path) {
    if (path == null) {
      return;
    }
    for (String segment : path.value().split("/")) {
      if (!segment.isEmpty()) {
        template.append('/').append(withoutRegex(segment));
      }
    }
  }

  /** {@code {id: [0-9]+}} reads {@code {id}}: the regex is routing's business, not the label's. */
  private static String withoutRegex(String segment) {
    return segment.replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}");
  }
}
