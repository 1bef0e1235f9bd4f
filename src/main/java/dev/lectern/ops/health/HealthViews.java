package dev.lectern.ops.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Shapes check responses as JSON objects keyed by check name, for the aliases and the report. */
final class HealthViews {

  private HealthViews() {}

  static Map<String, Object> byName(List<HealthCheckResponse> checks) {
    Map<String, Object> byName = new LinkedHashMap<>();
    for (HealthCheckResponse check : checks) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("status", check.getStatus().name().toLowerCase(Locale.ROOT));
      check.getData().ifPresent(view::putAll);
      byName.put(check.getName(), view);
    }
    return byName;
  }
}
