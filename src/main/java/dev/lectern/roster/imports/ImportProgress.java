package dev.lectern.roster.imports;

import dev.lectern.control.jobs.JobRun;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An import's progress as the job shows it: staging is the first 70% (by bytes read), validation to
 * 80%, the apply the rest; counts per file ({@code rows}, then {@code created}, {@code updated},
 * {@code deleted} once applied).
 */
final class ImportProgress {

  private final JobRun run;
  private final long totalBytes;
  private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
  private long rows;

  ImportProgress(JobRun run, long totalBytes, String countsJson) {
    this.run = run;
    this.totalBytes = Math.max(1, totalBytes);
    if (countsJson != null) {
      try (JsonReader reader = Json.createReader(new StringReader(countsJson))) {
        JsonObject json = reader.readObject();
        for (String file : json.keySet()) {
          Map<String, Long> values = new LinkedHashMap<>();
          json.getJsonObject(file)
              .forEach((k, v) -> values.put(k, ((jakarta.json.JsonNumber) v).longValue()));
          counts.put(file, values);
          rows += values.getOrDefault("rows", 0L);
        }
      }
    }
  }

  void staged(CsvFile file, long staged, long bytesRead) {
    long before =
        counts
            .computeIfAbsent(file.fileName(), f -> new LinkedHashMap<>())
            .getOrDefault("rows", 0L);
    counts.get(file.fileName()).put("rows", staged);
    rows += staged - before;
    int percent = (int) Math.min(70, 70 * bytesRead / totalBytes);
    run.progress("staging " + file.fileName(), percent, rows, json(), false);
  }

  void phase(String phase, int percent) {
    run.progress(phase, percent, rows, json(), true);
  }

  void applied(CsvFile file, long created, long updated, long deleted, int percent) {
    Map<String, Long> c = counts.computeIfAbsent(file.fileName(), f -> new LinkedHashMap<>());
    c.put("created", created);
    c.put("updated", updated);
    c.put("deleted", deleted);
    run.progress("applying", percent, rows, json(), true);
  }

  long rows() {
    return rows;
  }

  String json() {
    JsonObjectBuilder out = Json.createObjectBuilder();
    counts.forEach(
        (file, values) -> {
          JsonObjectBuilder v = Json.createObjectBuilder();
          values.forEach(v::add);
          out.add(file, v);
        });
    JsonObject built = out.build();
    return built == JsonValue.EMPTY_JSON_OBJECT ? "{}" : built.toString();
  }
}
