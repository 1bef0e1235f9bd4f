package dev.lectern.roster.imports;

import dev.lectern.control.jobs.JobProblem;
import dev.lectern.control.jobs.JobRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams one CSV file of a package into its staging table with COPY, checking the header and every
 * row on the way. Memory holds one buffered block of rows, whatever the file's size.
 */
final class CsvStager {

  private static final int FLUSH_CHARS = 1 << 16;

  private final ImportPackage pkg;
  private final String version;
  private final JobRun run;
  private final ImportProgress progress;

  CsvStager(ImportPackage pkg, String version, JobRun run, ImportProgress progress) {
    this.pkg = pkg;
    this.version = version;
    this.run = run;
    this.progress = progress;
  }

  /** Stages the file; answers the rows staged. Problems go to the job. */
  long stage(Connection connection, CsvFile file, boolean bulk) throws IOException, SQLException {
    StagingTables.create(connection, run.id(), file);
    ProblemSink problems = new ProblemSink(run);
    long staged = 0;
    try (InputStream in = pkg.open(file.fileName());
        Reader reader = CsvText.reader(in, file.fileName());
        CSVParser parser = CsvText.parse(reader);
        PGCopyOutputStream copy =
            new PGCopyOutputStream(
                connection.unwrap(PGConnection.class),
                StagingTables.copySql(run.id(), file),
                1 << 16)) {
      Iterator<CSVRecord> records = parser.iterator();
      long row = 1;
      try {
        if (!records.hasNext()) {
          problems.add(
              new JobProblem(
                  file.fileName(),
                  1L,
                  null,
                  "the file is empty: it needs at least the header line"));
          return 0;
        }
        Map<String, Integer> header = header(file, records.next(), problems);
        if (header == null) {
          return 0;
        }
        RowChecker checker = new RowChecker(file, bulk, header);
        StringBuilder block = new StringBuilder(FLUSH_CHARS + 4096);
        List<JobProblem> rowProblems = new ArrayList<>();
        while (records.hasNext()) {
          CSVRecord record = records.next();
          row = record.getRecordNumber();
          if (record.size() != header.size()) {
            problems.add(
                new JobProblem(
                    file.fileName(),
                    row,
                    null,
                    "expected " + header.size() + " fields, found " + record.size()));
            continue;
          }
          if (checker.check(record, row, block, rowProblems)) {
            staged++;
          } else {
            problems.addAll(rowProblems);
            rowProblems.clear();
          }
          if (block.length() >= FLUSH_CHARS) {
            copy.write(block.toString().getBytes(StandardCharsets.UTF_8));
            block.setLength(0);
            run.checkCancelled();
            progress.staged(file, staged, pkg.bytesRead());
          }
        }
        copy.write(block.toString().getBytes(StandardCharsets.UTF_8));
      } catch (UncheckedIOException e) {
        problems.add(new JobProblem(file.fileName(), row + 1, null, unreadable(e.getCause())));
      }
      copy.endCopy();
    } finally {
      problems.flush();
    }
    progress.staged(file, staged, pkg.bytesRead());
    return staged;
  }

  /** Column positions by header, or null when the header is wrong (problems reported). */
  private Map<String, Integer> header(CsvFile file, CSVRecord record, ProblemSink problems)
      throws SQLException {
    Set<String> expected = new LinkedHashSet<>(CsvFile.LEADING);
    file.columns(version).forEach(c -> expected.add(c.header()));
    Map<String, Integer> positions = new HashMap<>();
    boolean ok = true;
    for (int i = 0; i < record.size(); i++) {
      String name = record.get(i).trim();
      boolean allowed =
          expected.contains(name)
              || name.startsWith("metadata.") && name.length() > "metadata.".length()
              || file == CsvFile.USERS && name.equals(CsvFile.USERS_DRIFT_HEADER);
      if (!allowed) {
        problems.add(
            new JobProblem(
                file.fileName(),
                1L,
                name,
                "unknown column '"
                    + name
                    + "' (OneRoster "
                    + version
                    + " expects "
                    + String.join(",", expected)
                    + ")"));
        ok = false;
      } else if (positions.put(name, i) != null) {
        problems.add(new JobProblem(file.fileName(), 1L, name, "column appears twice"));
        ok = false;
      }
    }
    for (String name : expected) {
      if (!positions.containsKey(name)) {
        problems.add(new JobProblem(file.fileName(), 1L, name, "missing column '" + name + "'"));
        ok = false;
      }
    }
    return ok ? positions : null;
  }

  private static String unreadable(IOException cause) {
    if (cause instanceof CharacterCodingException) {
      return "the file is not UTF-8 text (" + cause.getClass().getSimpleName() + ")";
    }
    return "malformed CSV: " + cause.getMessage();
  }

  /** Buffers problems and hands them to the job in batches. */
  static final class ProblemSink {
    private final JobRun run;
    private final List<JobProblem> pending = new ArrayList<>();
    private long count;

    ProblemSink(JobRun run) {
      this.run = run;
    }

    void add(JobProblem problem) throws SQLException {
      pending.add(problem);
      count++;
      if (pending.size() >= 500) {
        flush();
      }
    }

    void addAll(List<JobProblem> problems) throws SQLException {
      for (JobProblem p : problems) {
        add(p);
      }
    }

    void flush() throws SQLException {
      run.problems(List.copyOf(pending));
      pending.clear();
    }

    long count() {
      return count;
    }
  }
}
