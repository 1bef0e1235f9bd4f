package dev.lectern.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every setting the code reads has a row, with its default, in docs/configuration.md. */
class ConfigurationDocsTest {

  @Test
  void everySettingIsDocumented() throws IOException {
    TreeSet<String> read = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher key =
            Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([A-Za-z0-9_.]+)\"")
                .matcher(Files.readString(file));
        while (key.find()) {
          read.add(key.group(1));
        }
      }
    }
    assertThat(read).hasSizeGreaterThan(40);
    TreeSet<String> documented = new TreeSet<>();
    Matcher row =
        Pattern.compile("(?m)^\\| `([A-Za-z0-9_.]+)` \\| [^|]*\\S[^|]* \\|")
            .matcher(Files.readString(Path.of("docs/configuration.md")));
    while (row.find()) {
      documented.add(row.group(1));
    }
    assertThat(documented).as("settings with a default in docs/configuration.md").containsAll(read);
  }
}
