package dev.lectern.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart's values as its {@code ## @section} and {@code ## @param} comments document them (the
 * convention of Bitnami's readme-generator), and the README parameter table made from them. Each
 * parameter's default is read from the YAML itself, so the table cannot drift from values.yaml.
 */
final class ChartParameters {

  static final Path VALUES = HelmRender.CHART.resolve("values.yaml");
  static final Path README = HelmRender.CHART.resolve("README.md");
  static final String START = "<!-- parameters:start (generated from values.yaml) -->";
  static final String END = "<!-- parameters:end -->";

  private static final Pattern SECTION = Pattern.compile("^## @section (.+)$");
  private static final Pattern PARAM = Pattern.compile("^## @param (\\S+) (.+)$");

  record Parameter(String section, String path, String description) {}

  private ChartParameters() {}

  static List<Parameter> parameters() throws IOException {
    List<Parameter> found = new ArrayList<>();
    String section = "";
    for (String line : Files.readAllLines(VALUES)) {
      Matcher heading = SECTION.matcher(line.strip());
      Matcher param = PARAM.matcher(line.strip());
      if (heading.matches()) {
        section = heading.group(1);
      } else if (param.matches()) {
        found.add(new Parameter(section, param.group(1), param.group(2)));
      }
    }
    return found;
  }

  static Map<String, Object> values() throws IOException {
    return HelmRender.cast(new Yaml().load(Files.readString(VALUES)));
  }

  /** The value at a dotted path, or {@code Missing} when values.yaml has no such key. */
  static Object valueAt(Map<String, Object> values, String path) {
    Object node = values;
    for (String key : path.split("\\.")) {
      if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
        return Missing.VALUE;
      }
      node = map.get(key);
    }
    return node;
  }

  enum Missing {
    VALUE
  }

  /** Every documentable value: scalars, lists and empty maps, as dotted paths. */
  static List<String> leaves(Map<String, Object> values) {
    List<String> leaves = new ArrayList<>();
    collect("", values, leaves);
    return leaves;
  }

  private static void collect(String prefix, Object node, List<String> leaves) {
    if (node instanceof Map<?, ?> map && !map.isEmpty()) {
      map.forEach((key, value) -> collect(prefix + key + ".", value, leaves));
    } else {
      leaves.add(prefix.substring(0, prefix.length() - 1));
    }
  }

  /** The README's parameter tables, one per section, in values.yaml's order. */
  static String table() throws IOException {
    Map<String, Object> values = values();
    StringBuilder out = new StringBuilder();
    String section = null;
    for (Parameter parameter : parameters()) {
      if (!parameter.section().equals(section)) {
        section = parameter.section();
        out.append("\n### ").append(section).append("\n\n");
        out.append("| Name | Description | Value |\n| --- | --- | --- |\n");
      }
      out.append("| `")
          .append(parameter.path())
          .append("` | ")
          .append(parameter.description().replace("|", "\\|"))
          .append(" | `")
          .append(shown(valueAt(values, parameter.path())).replace("|", "\\|"))
          .append("` |\n");
    }
    return out.toString();
  }

  /** The README with its parameter tables replaced by {@link #table()}. */
  static String readmeWithTable(String readme) throws IOException {
    int start = readme.indexOf(START);
    int end = readme.indexOf(END);
    if (start < 0 || end < start) {
      throw new IllegalStateException("README.md lacks the markers " + START + " ... " + END);
    }
    return readme.substring(0, start + START.length())
        + "\n"
        + table()
        + "\n"
        + readme.substring(end);
  }

  private static String shown(Object value) {
    if (value instanceof String text) {
      return text.isEmpty() ? "\"\"" : text;
    }
    return json(value);
  }

  private static String json(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> "\"" + e.getKey() + "\":" + json(e.getValue()))
          .collect(Collectors.joining(",", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ChartParameters::json).collect(Collectors.joining(",", "[", "]"));
    }
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }
}
