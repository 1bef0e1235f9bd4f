package dev.lectern.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Advisory-lock ids are assigned only in {@link AdvisoryLock}, and never twice. */
class AdvisoryLockTest {

  @Test
  void everyLockHasItsOwnId() {
    assertThat(Arrays.stream(AdvisoryLock.values()).map(AdvisoryLock::id)).doesNotHaveDuplicates();
  }

  @Test
  void everyAdvisoryLockTakenInTheCodeComesFromTheRegistry() throws IOException {
    List<String> strays = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String code = Files.readString(file);
        boolean locks = code.contains("pg_advisory") || code.contains("pg_try_advisory");
        if (file.endsWith("AdvisoryLock.java")) {
          continue;
        }
        if (code.contains("0x4c45") || (locks && !code.contains("AdvisoryLock"))) {
          strays.add(file.toString());
        }
      }
    }
    assertThat(strays).as("advisory locks outside the registry").isEmpty();
  }
}
