package dev.lectern.roster.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.control.jobs.JobProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An uploaded zip opened defensively: names, entry counts, sizes and compression ratios. */
class ImportPackageTest {

  @TempDir Path dir;

  @Test
  void filesSitAtTheTopOrInOneFolderAndUnsafeNamesAreRefused() throws IOException {
    try (ImportPackage pkg =
        open(Map.of("export/orgs.csv", "x", "export/users.csv", "y"), 1 << 20, 10)) {
      assertThat(pkg.problems()).isEmpty();
      assertThat(pkg.fileNames()).containsExactlyInAnyOrder("orgs.csv", "users.csv");
    }
    try (ImportPackage pkg =
        open(Map.of("../orgs.csv", "x", "a/b/users.csv", "y", "c/d.csv", "z"), 1 << 20, 10)) {
      assertThat(pkg.problems())
          .extracting(JobProblem::file, JobProblem::message)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(
                  "../orgs.csv",
                  "unsafe entry name (absolute path or '..'); the package is refused"),
              org.assertj.core.groups.Tuple.tuple(
                  "a/b/users.csv", "files must be at the top of the package (or in one folder)"),
              org.assertj.core.groups.Tuple.tuple(
                  "c/d.csv", "files must be at the top of the package (or in one folder)"));
    }
  }

  @Test
  void tooManyEntriesAreRefusedBeforeAnyIsRead() {
    assertThatThrownBy(() -> open(Map.of("a.csv", "1", "b.csv", "2", "c.csv", "3"), 1 << 20, 2))
        .isInstanceOf(ImportPackage.PackageException.class)
        .hasMessage("the zip has 3 entries; at most 2 are accepted");
  }

  @Test
  void aBombStopsWhileItIsReadWhateverItsHeadersClaim() throws IOException {
    String zeros = "0".repeat(4 << 20);
    try (ImportPackage pkg = open(Map.of("orgs.csv", zeros), 1L << 30, 10);
        InputStream in = pkg.open("orgs.csv")) {
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOf(ImportPackage.PackageException.class)
          .hasMessageContaining("expands more than 200 times");
    }
    try (ImportPackage pkg =
        open(Map.of("a.csv", "x".repeat(600), "b.csv", "y".repeat(600)), 1000, 10)) {
      pkg.open("a.csv").readAllBytes();
      assertThat(pkg.bytesRead()).isEqualTo(600);
      try (InputStream in = pkg.open("b.csv")) {
        assertThatThrownBy(in::readAllBytes)
            .hasMessageContaining("the package unzips to more than 1000 bytes");
      }
    }
  }

  /** Import settings with the given limits, as configuration would set them. */
  static ImportConfig limits(long maxUncompressedBytes, int maxEntries) {
    ImportConfig config = new ImportConfig();
    config.maxUncompressedBytes = maxUncompressedBytes;
    config.maxEntries = maxEntries;
    return config;
  }

  private ImportPackage open(Map<String, String> entries, long maxBytes, int maxEntries)
      throws IOException {
    Path zip = dir.resolve("package-" + System.nanoTime() + ".zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream zipped = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        zipped.putNextEntry(new ZipEntry(entry.getKey()));
        zipped.write(entry.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zipped.closeEntry();
      }
    }
    return ImportPackage.open(zip, limits(maxBytes, maxEntries));
  }
}
