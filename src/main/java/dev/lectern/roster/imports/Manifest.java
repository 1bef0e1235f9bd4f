package dev.lectern.roster.imports;

import dev.lectern.control.jobs.JobProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** {@code manifest.csv}: the binding version and, per file, bulk, delta or absent. */
record Manifest(
    String version, Map<CsvFile, Mode> modes, Set<String> ignored, List<JobProblem> problems) {

  static final String FILE = "manifest.csv";

  enum Mode {
    BULK,
    DELTA,
    ABSENT
  }

  /** The files to stage, in apply order. */
  List<CsvFile> present() {
    return modes.entrySet().stream()
        .filter(e -> e.getValue() != Mode.ABSENT)
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  Mode mode(CsvFile file) {
    return modes.getOrDefault(file, Mode.ABSENT);
  }

  static Manifest read(ImportPackage pkg) throws IOException {
    List<JobProblem> problems = new ArrayList<>();
    Map<CsvFile, Mode> modes = new EnumMap<>(CsvFile.class);
    Set<String> ignored = new TreeSet<>();
    if (!pkg.has(FILE)) {
      problems.add(new JobProblem(FILE, null, null, "the package has no manifest.csv"));
      return new Manifest("1.2", modes, ignored, problems);
    }
    String version = null;
    String manifestVersion = null;
    try (InputStream in = pkg.open(FILE);
        Reader reader = CsvText.reader(in, FILE);
        CSVParser parser = CsvText.parse(reader)) {
      boolean header = true;
      for (CSVRecord record : parser) {
        long row = record.getRecordNumber();
        if (header) {
          header = false;
          if (record.size() != 2
              || !record.get(0).equals("propertyName")
              || !record.get(1).equals("value")) {
            problems.add(new JobProblem(FILE, row, null, "the header must be propertyName,value"));
            break;
          }
          continue;
        }
        if (record.size() != 2) {
          problems.add(
              new JobProblem(FILE, row, null, "expected 2 fields, found " + record.size()));
          continue;
        }
        String name = record.get(0);
        String value = record.get(1);
        if (name.equals("manifest.version")) {
          manifestVersion = value;
        } else if (name.equals("oneroster.version")) {
          version = value;
        } else if (name.startsWith("file.")) {
          String file = name.substring("file.".length());
          Mode mode;
          try {
            mode = Mode.valueOf(value.toUpperCase(java.util.Locale.ROOT));
          } catch (IllegalArgumentException e) {
            problems.add(
                new JobProblem(
                    FILE,
                    row,
                    "value",
                    name + " must be bulk, delta or absent, not '" + value + "'"));
            continue;
          }
          var known = CsvFile.byManifestName(file);
          if (known.isPresent()) {
            modes.put(known.get(), mode);
          } else if (CsvFile.IGNORED_FILES.contains(file)) {
            if (mode != Mode.ABSENT) {
              ignored.add(file + ".csv");
            }
          } else {
            problems.add(new JobProblem(FILE, row, "propertyName", "unknown file '" + file + "'"));
          }
        }
      }
    } catch (java.io.UncheckedIOException e) {
      problems.add(new JobProblem(FILE, null, null, "unreadable: " + e.getCause().getMessage()));
    }
    if (!"1.0".equals(manifestVersion)) {
      problems.add(new JobProblem(FILE, null, "manifest.version", "must be 1.0"));
    }
    if (!"1.1".equals(version) && !"1.2".equals(version)) {
      problems.add(
          new JobProblem(
              FILE, null, "oneroster.version", "must be 1.1 or 1.2, not '" + version + "'"));
      version = "1.2";
    }
    for (CsvFile file : CsvFile.values()) {
      Mode mode = modes.getOrDefault(file, Mode.ABSENT);
      if (mode != Mode.ABSENT && !file.inVersion(version)) {
        problems.add(
            new JobProblem(
                FILE,
                null,
                "file." + file.manifestName(),
                file.fileName() + " is not part of OneRoster " + version));
      } else if (mode != Mode.ABSENT && !pkg.has(file.fileName())) {
        problems.add(
            new JobProblem(
                file.fileName(),
                null,
                null,
                "the manifest marks it "
                    + mode.name().toLowerCase(java.util.Locale.ROOT)
                    + " but the package does not contain it"));
      } else if (mode == Mode.ABSENT && pkg.has(file.fileName())) {
        problems.add(
            new JobProblem(
                file.fileName(),
                null,
                null,
                "the package contains it but the manifest marks it absent"));
      }
    }
    if (modes.values().stream().allMatch(m -> m == Mode.ABSENT)) {
      problems.add(new JobProblem(FILE, null, null, "no rostering file is marked bulk or delta"));
    }
    return new Manifest(version, modes, ignored, problems);
  }
}
