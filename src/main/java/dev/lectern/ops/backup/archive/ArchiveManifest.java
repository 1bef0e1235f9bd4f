package dev.lectern.ops.backup.archive;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What an archive holds (docs/backup-format.md): where it came from, and for each table its
 * columns, rows, sizes and the SHA-256 of its COPY text, the check verify and drills repeat.
 */
public record ArchiveManifest(
    String id,
    Instant createdAt,
    String lecternVersion,
    String schemaVersion,
    String trigger,
    String keyId,
    long dumpMillis,
    List<Table> tables) {

  public static final int FORMAT = 1;

  /**
   * One part of a table: its data is {@code storedBytes} of gzip holding {@code bytes} of COPY
   * text. A large table is dumped in several parts (ranges of its pages, numbered from 0, in order)
   * so parallel workers share it; loading them in order recreates the table's row order.
   */
  public record Table(
      String name,
      int part,
      List<String> columns,
      long rows,
      long bytes,
      long storedBytes,
      String sha256) {}

  public long rows() {
    return tables.stream().mapToLong(Table::rows).sum();
  }

  public boolean encrypted() {
    return keyId != null;
  }

  public String toJson() {
    JsonArrayBuilder tableArray = Json.createArrayBuilder();
    for (Table table : tables) {
      JsonArrayBuilder columns = Json.createArrayBuilder();
      table.columns().forEach(columns::add);
      tableArray.add(
          Json.createObjectBuilder()
              .add("name", table.name())
              .add("part", table.part())
              .add("columns", columns)
              .add("rows", table.rows())
              .add("bytes", table.bytes())
              .add("storedBytes", table.storedBytes())
              .add("sha256", table.sha256()));
    }
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("format", FORMAT)
            .add("id", id)
            .add("createdAt", createdAt.toString())
            .add("lecternVersion", lecternVersion)
            .add("schemaVersion", schemaVersion)
            .add("trigger", trigger)
            .add("compression", "gzip")
            .add("dumpMillis", dumpMillis);
    if (keyId != null) {
      json.add(
          "encryption",
          Json.createObjectBuilder()
              .add("algorithm", "AES-256-GCM")
              .add("keyId", keyId)
              .add("segmentBytes", SegmentCipher.SEGMENT_BYTES));
    } else {
      json.add("encryption", JsonValue.NULL);
    }
    return json.add("tables", tableArray).build().toString();
  }

  /** Parses a manifest, refusing anything that is not one Lectern wrote. */
  public static ArchiveManifest parse(String text) throws ArchiveException {
    try (var reader = Json.createReader(new StringReader(text))) {
      JsonObject json = reader.readObject();
      if (json.getInt("format") != FORMAT) {
        throw new ArchiveException("manifest format " + json.getInt("format") + " is unknown");
      }
      JsonValue encryption = json.get("encryption");
      String keyId =
          encryption instanceof JsonObject e && e.get("keyId") instanceof JsonString s
              ? s.getString()
              : null;
      List<Table> tables =
          json.getJsonArray("tables").getValuesAs(JsonObject.class).stream()
              .map(
                  t ->
                      new Table(
                          t.getString("name"),
                          t.getInt("part"),
                          t.getJsonArray("columns").getValuesAs(JsonString.class).stream()
                              .map(JsonString::getString)
                              .toList(),
                          t.getJsonNumber("rows").longValueExact(),
                          t.getJsonNumber("bytes").longValueExact(),
                          t.getJsonNumber("storedBytes").longValueExact(),
                          t.getString("sha256")))
              .toList();
      return new ArchiveManifest(
          json.getString("id"),
          Instant.parse(json.getString("createdAt")),
          json.getString("lecternVersion"),
          json.getString("schemaVersion"),
          json.getString("trigger"),
          keyId,
          json.getJsonNumber("dumpMillis").longValueExact(),
          tables);
    } catch (JsonParsingException
        | ClassCastException
        | NullPointerException
        | ArithmeticException
        | DateTimeParseException e) {
      throw new ArchiveException("manifest is not valid: " + e.getMessage());
    }
  }
}
