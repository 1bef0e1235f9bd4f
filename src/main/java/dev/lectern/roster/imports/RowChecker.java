package dev.lectern.roster.imports;

import dev.lectern.control.jobs.JobProblem;
import dev.lectern.roster.model.RosterVocabulary;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * Checks one data row of a file against the binding (required values, enumerations, dates,
 * booleans, bulk and delta rules) and turns a good row into a line of COPY text for staging.
 */
final class RowChecker {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern USER_ID = Pattern.compile("\\{([^{}:]*):([^{}]*)\\}");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  private final CsvFile file;
  private final boolean bulk;
  private final List<CsvColumn> staged;

  /** Position in the CSV record of each staged column, -1 when this version lacks it. */
  private final int[] positions;

  private final Map<String, Integer> metadata;
  private final int sourcedId;
  private final int status;
  private final int modified;

  RowChecker(CsvFile file, boolean bulk, Map<String, Integer> header) {
    this.file = file;
    this.bulk = bulk;
    this.staged = StagingTables.columns(file);
    this.positions = new int[staged.size()];
    for (int i = 0; i < staged.size(); i++) {
      positions[i] = header.getOrDefault(staged.get(i).header(), -1);
    }
    this.metadata = new HashMap<>();
    header.forEach(
        (name, position) -> {
          if (name.startsWith("metadata.")) {
            metadata.put(name.substring("metadata.".length()), position);
          }
        });
    this.sourcedId = header.get("sourcedId");
    this.status = header.get("status");
    this.modified = header.get("dateLastModified");
  }

  /** Appends the row's COPY line to {@code line}, or adds problems and returns false. */
  boolean check(CSVRecord record, long row, StringBuilder line, List<JobProblem> problems) {
    int before = problems.size();
    String id = record.get(sourcedId).trim();
    if (id.isEmpty()) {
      problems.add(problem(row, "sourcedId", "is required"));
    }
    String rowStatus = blankToNull(record.get(status));
    String rowModified = blankToNull(record.get(modified));
    if (bulk && (rowStatus != null || rowModified != null)) {
      problems.add(
          problem(
              row,
              rowStatus != null ? "status" : "dateLastModified",
              "must be blank in a bulk file"));
    }
    if (!bulk) {
      if (rowStatus == null || !RosterVocabulary.STATUSES.contains(rowStatus)) {
        problems.add(problem(row, "status", "must be active or tobedeleted in a delta file"));
      }
      if (rowModified == null) {
        problems.add(problem(row, "dateLastModified", "is required in a delta file"));
      } else {
        try {
          OffsetDateTime.parse(rowModified);
        } catch (DateTimeParseException e) {
          problems.add(
              problem(
                  row,
                  "dateLastModified",
                  "'"
                      + rowModified
                      + "' is not an ISO 8601 date-time such as"
                      + " 2026-09-01T00:00:00.000Z"));
        }
      }
    }
    boolean deleting = "tobedeleted".equals(rowStatus);
    List<String> values = new ArrayList<>(staged.size());
    for (int i = 0; i < staged.size(); i++) {
      CsvColumn column = staged.get(i);
      String raw = positions[i] < 0 ? null : blankToNull(record.get(positions[i]));
      values.add(positions[i] < 0 ? null : convert(column, raw, row, deleting, problems));
    }
    if (problems.size() > before) {
      return false;
    }
    line.append(row).append('\t');
    CopyText.append(line, id);
    line.append('\t');
    CopyText.append(line, rowStatus);
    line.append('\t');
    CopyText.append(line, rowModified);
    for (String value : values) {
      line.append('\t');
      CopyText.append(line, value);
    }
    line.append('\t');
    CopyText.append(line, metadata(record));
    line.append('\n');
    return true;
  }

  private String convert(
      CsvColumn column, String raw, long row, boolean deleting, List<JobProblem> problems) {
    if (raw == null) {
      if (column.required() && !deleting) {
        problems.add(problem(row, column.header(), "is required"));
      }
      return null;
    }
    switch (column.kind()) {
      case ENUM -> {
        if (!column.values().contains(raw)
            && !(column.header().equals("role")
                && file == CsvFile.ROLES
                && raw.startsWith("ext:"))) {
          problems.add(
              problem(
                  row,
                  column.header(),
                  "'" + raw + "' is not one of " + column.values().stream().sorted().toList()));
        }
        return raw;
      }
      case DATE -> {
        try {
          LocalDate.parse(raw, DATE);
        } catch (DateTimeParseException e) {
          problems.add(problem(row, column.header(), "'" + raw + "' is not a date YYYY-MM-DD"));
        }
        return raw;
      }
      case BOOLEAN -> {
        if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
          problems.add(problem(row, column.header(), "'" + raw + "' is not true or false"));
        }
        return raw.equalsIgnoreCase("true") ? "t" : "f";
      }
      case YEAR -> {
        if (!YEAR.matcher(raw).matches()) {
          problems.add(problem(row, column.header(), "'" + raw + "' is not a year YYYY"));
        }
        return raw;
      }
      case LIST -> {
        return CopyText.array(
            Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
      }
      case USER_IDS -> {
        return userIds(raw, row, column, problems);
      }
      default -> {
        return raw;
      }
    }
  }

  private String userIds(String raw, long row, CsvColumn column, List<JobProblem> problems) {
    JsonArrayBuilder ids = Json.createArrayBuilder();
    Matcher m = USER_ID.matcher(raw);
    int end = 0;
    while (m.find()) {
      String between = raw.substring(end, m.start()).trim();
      if (!between.isEmpty() && !between.equals(",")) {
        break;
      }
      ids.add(
          Json.createObjectBuilder()
              .add("type", m.group(1).trim())
              .add("identifier", m.group(2).trim()));
      end = m.end();
    }
    if (end != raw.length() || end == 0) {
      problems.add(
          problem(
              row,
              column.header(),
              "must be a list of {type:identifier} such as {SIS:1234},{LDAP:jsmith}"));
      return null;
    }
    return ids.build().toString();
  }

  private String metadata(CSVRecord record) {
    if (metadata.isEmpty()) {
      return null;
    }
    JsonObjectBuilder json = Json.createObjectBuilder();
    boolean any = false;
    for (Map.Entry<String, Integer> e : metadata.entrySet()) {
      String value = blankToNull(record.get(e.getValue()));
      if (value != null) {
        json.add(e.getKey(), value);
        any = true;
      }
    }
    return any ? json.build().toString() : null;
  }

  private JobProblem problem(long row, String field, String message) {
    return new JobProblem(file.fileName(), row, field, message);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
