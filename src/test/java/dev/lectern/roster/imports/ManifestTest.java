package dev.lectern.roster.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.control.jobs.JobProblem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code manifest.csv} read against the package it describes. */
class ManifestTest {

  @TempDir Path dir;

  @Test
  void aGoodManifestGivesModesInApplyOrderAndListsIgnoredFiles() throws IOException {
    Manifest manifest =
        read(
            manifest("1.2", "file.users,delta", "file.orgs,bulk", "file.results,bulk"),
            "users.csv",
            "orgs.csv",
            "results.csv");

    assertThat(manifest.problems()).isEmpty();
    assertThat(manifest.version()).isEqualTo("1.2");
    assertThat(manifest.present()).containsExactly(CsvFile.ORGS, CsvFile.USERS);
    assertThat(manifest.mode(CsvFile.USERS)).isEqualTo(Manifest.Mode.DELTA);
    assertThat(manifest.mode(CsvFile.COURSES)).isEqualTo(Manifest.Mode.ABSENT);
    assertThat(manifest.ignored()).containsExactly("results.csv");
  }

  @Test
  void aPackageWithoutAManifestOrWithABadHeaderIsRefused() throws IOException {
    assertThat(messages(read(null, "orgs.csv"))).containsExactly("the package has no manifest.csv");
    assertThat(messages(read("name,value\nfile.orgs,bulk\n", "orgs.csv")))
        .contains("the header must be propertyName,value");
  }

  @Test
  void versionsModesAndFileNamesAreChecked() throws IOException {
    Manifest manifest =
        read(
            "propertyName,value\nmanifest.version,2.0\noneroster.version,1.3\n"
                + "file.orgs,sometimes\nfile.gradebook,bulk\nfile.users,bulk\n",
            "users.csv");

    assertThat(messages(manifest))
        .containsExactlyInAnyOrder(
            "file.orgs must be bulk, delta or absent, not 'sometimes'",
            "unknown file 'gradebook'",
            "must be 1.0",
            "must be 1.1 or 1.2, not '1.3'");
    assertThat(manifest.version()).isEqualTo("1.2");
  }

  @Test
  void theManifestAndThePackageMustAgree() throws IOException {
    Manifest manifest =
        read(manifest("1.2", "file.orgs,bulk", "file.courses,absent"), "courses.csv");

    assertThat(manifest.problems())
        .extracting(JobProblem::file, JobProblem::message)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "orgs.csv", "the manifest marks it bulk but the package does not contain it"),
            org.assertj.core.groups.Tuple.tuple(
                "courses.csv", "the package contains it but the manifest marks it absent"));
  }

  @Test
  void rolesAreNotPartOfVersionOneOneAndSomeFileMustBeSent() throws IOException {
    assertThat(messages(read(manifest("1.1", "file.roles,bulk"), "roles.csv")))
        .containsExactly("roles.csv is not part of OneRoster 1.1");
    assertThat(messages(read(manifest("1.2", "file.orgs,absent"))))
        .containsExactly("no rostering file is marked bulk or delta");
  }

  private static String manifest(String version, String... files) {
    return "propertyName,value\nmanifest.version,1.0\noneroster.version,"
        + version
        + "\n"
        + String.join("\n", files)
        + "\n";
  }

  private Manifest read(String manifest, String... files) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    if (manifest != null) {
      entries.put(Manifest.FILE, manifest);
    }
    for (String file : files) {
      entries.put(file, "sourcedId,status,dateLastModified\n");
    }
    Path zip = dir.resolve("package-" + System.nanoTime() + ".zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream zipped = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        zipped.putNextEntry(new ZipEntry(entry.getKey()));
        zipped.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zipped.closeEntry();
      }
    }
    try (ImportPackage pkg = ImportPackage.open(zip, ImportPackageTest.limits(1 << 30, 100))) {
      return Manifest.read(pkg);
    }
  }

  private static java.util.List<String> messages(Manifest manifest) {
    return manifest.problems().stream().map(JobProblem::message).toList();
  }
}
