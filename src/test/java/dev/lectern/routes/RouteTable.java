package dev.lectern.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The reviewed access table {@code route-access.txt}: operation to the callers it admits. */
final class RouteTable {

  private RouteTable() {}

  /** Operations as {@code "METHOD /path/{param}"}, in the table's order. */
  static Map<String, Set<String>> load() {
    Map<String, Set<String>> table = new LinkedHashMap<>();
    try (InputStream in = RouteTable.class.getResourceAsStream("route-access.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] parts = trimmed.split("\\s+");
        if (parts.length != 3) {
          throw new IllegalStateException("route-access.txt: malformed line: " + line);
        }
        Set<String> callers =
            Arrays.stream(parts[2].split(",")).map(String::strip).collect(Collectors.toSet());
        if (table.put(parts[0] + " " + parts[1], callers) != null) {
          throw new IllegalStateException("route-access.txt: listed twice: " + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return table;
  }
}
