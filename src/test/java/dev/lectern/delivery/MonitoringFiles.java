package dev.lectern.delivery;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules and the dashboard the chart ships, read as their consumers read them, and the
 * metric names their PromQL refers to.
 */
final class MonitoringFiles {

  static final Path RULES = Path.of("helm/lectern/files/prometheus/lectern-rules.yml");
  static final Path RULE_TESTS = Path.of("src/test/prometheus/lectern-rules-test.yml");
  static final Path DASHBOARD = Path.of("helm/lectern/files/grafana/lectern-dashboard.json");

  private static final Pattern LABELS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
  private static final Pattern STRINGS = Pattern.compile("\"[^\"]*\"|'[^']*'");
  private static final Pattern GROUPINGS =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![a-zA-Z0-9_:.])[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "offset",
          "inf",
          "nan");

  private MonitoringFiles() {}

  /** Each alerting rule of the rules file, as YAML maps ({@code alert}, {@code expr}, ...). */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> alerts() throws IOException {
    Map<String, Object> file = new Yaml().load(Files.readString(RULES));
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (Object group : (List<Object>) file.get("groups")) {
      for (Object rule : (List<Object>) ((Map<String, Object>) group).get("rules")) {
        alerts.add((Map<String, Object>) rule);
      }
    }
    return alerts;
  }

  /** Every PromQL expression of the dashboard's panels. */
  static List<String> dashboardExpressions() throws IOException {
    try (Reader reader = Files.newBufferedReader(DASHBOARD);
        JsonReader json = Json.createReader(reader)) {
      List<String> expressions = new ArrayList<>();
      for (JsonValue panel : json.readObject().getJsonArray("panels")) {
        for (JsonValue target : panel.asJsonObject().getJsonArray("targets")) {
          expressions.add(((JsonObject) target).getString("expr"));
        }
      }
      return expressions;
    }
  }

  /** The metric names an expression reads: identifiers that are not functions or keywords. */
  static Set<String> metricNames(String promql) {
    String bare = STRINGS.matcher(promql).replaceAll("");
    bare = LABELS.matcher(bare).replaceAll(" ");
    bare = RANGES.matcher(bare).replaceAll(" ");
    bare = GROUPINGS.matcher(bare).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher identifier = IDENTIFIER.matcher(bare);
    while (identifier.find()) {
      String name = identifier.group();
      boolean call = bare.substring(identifier.end()).stripLeading().startsWith("(");
      if (!call && !KEYWORDS.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  /** Every metric name the rules and the dashboard refer to. */
  static Set<String> referencedMetrics() throws IOException {
    Set<String> names = new TreeSet<>();
    for (Map<String, Object> alert : alerts()) {
      names.addAll(metricNames(alert.get("expr").toString()));
    }
    for (String expression : dashboardExpressions()) {
      names.addAll(metricNames(expression));
    }
    return names;
  }
}
