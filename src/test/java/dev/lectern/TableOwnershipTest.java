package dev.lectern;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table is read and written only by the package that owns it. Owners are declared once, in
 * docs/architecture.md ("Tables and their owners"); every SQL string literal in the code that names
 * a table after FROM, JOIN, INTO, UPDATE or TABLE must sit in the owner's package. Backup and
 * restore copy every table without naming one: they read the list from the catalogue.
 */
class TableOwnershipTest {

  private static final Path CODE = Path.of("src/main/java");
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

  @Test
  void everyTableIsNamedInSqlOnlyByItsOwner() throws IOException {
    Map<String, String> owners = owners();
    Pattern uses =
        Pattern.compile(
            "(?i)\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+(?:public\\.)?("
                + String.join("|", owners.keySet())
                + ")\\b");
    List<String> trespasses = new ArrayList<>();
    for (Path file : sources()) {
      String pkg = packageOf(file);
      Matcher literal = LITERAL.matcher(Files.readString(file));
      while (literal.find()) {
        Matcher use = uses.matcher(literal.group(1));
        while (use.find()) {
          String table = use.group(1).toLowerCase(java.util.Locale.ROOT);
          String owner = owners.get(table);
          if (!pkg.equals(owner) && !pkg.startsWith(owner + ".")) {
            trespasses.add(CODE.relativize(file) + " names " + table + " (owned by " + owner + ")");
          }
        }
      }
    }
    assertThat(trespasses).as("SQL on another package's tables").isEmpty();
  }

  @Test
  void everyTableTheMigrationsCreateHasAnOwner() throws IOException {
    TreeSet<String> created = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
        Matcher create =
            Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?(?:public\\.)?([a-z_]+)")
                .matcher(Files.readString(file));
        while (create.find()) {
          created.add(create.group(1).toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    assertThat(created).isNotEmpty();
    assertThat(owners().keySet()).containsExactlyInAnyOrderElementsOf(created);
  }

  /** The table of docs/architecture.md's "Tables and their owners" section. */
  private static Map<String, String> owners() throws IOException {
    String doc = Files.readString(Path.of("docs/architecture.md"));
    int start = doc.indexOf("## Tables and their owners");
    assertThat(start).as("the ownership section of docs/architecture.md").isNotNegative();
    int end = doc.indexOf("\n## ", start + 1);
    String section = doc.substring(start, end < 0 ? doc.length() : end);
    Map<String, String> owners = new LinkedHashMap<>();
    Matcher row =
        Pattern.compile("(?m)^\\| `(dev\\.lectern[a-z.]*)` \\| (.+) \\|$").matcher(section);
    while (row.find()) {
      Matcher table = Pattern.compile("`([a-z_]+)`").matcher(row.group(2));
      while (table.find()) {
        assertThat(owners.put(table.group(1), row.group(1))).as(table.group(1)).isNull();
      }
    }
    assertThat(owners).isNotEmpty();
    return owners;
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(CODE)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    }
  }

  private static String packageOf(Path file) {
    return CODE.relativize(file.getParent()).toString().replace('/', '.');
  }
}
