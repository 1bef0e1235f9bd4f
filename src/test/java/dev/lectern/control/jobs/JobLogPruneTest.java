package dev.lectern.control.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobLogPruneTest {

  private static final LocalDate CUTOFF = LocalDate.parse("2026-11-04");

  @TempDir Path temp;

  @Test
  void shouldDeleteTheDaysBeforeTheCutoffOfEveryJobAndNothingElse() throws Exception {
    Path root = temp.resolve("joblogs");
    Path old = log(root, "lectern-import", "2026-10-01", "instance.1/execution.1/part.1.log");
    Path lastOld = log(root, "lectern-backup", "2026-11-03", "instance.7/execution.9/part.1.log");
    Path cutoffDay = log(root, "lectern-backup", "2026-11-04", "instance.8/execution.10/p.log");
    Path young = log(root, "lectern-import", "2026-12-01", "instance.2/execution.2/part.1.log");
    Path overflow = log(root, "lectern-import", "2026-10-01_2", "instance.3/execution.3/p.log");
    Path notADay = log(root, "lectern-import", "notes", "readme.txt");
    Path almostADay = log(root, "lectern-import", "2026-10-01-copy", "readme.txt");
    Path elsewhere = Files.createDirectories(temp.resolve("elsewhere/2026-01-01"));
    Files.createSymbolicLink(root.resolve("linked-job"), elsewhere.getParent());

    assertThat(JobLogPrune.prune(root, CUTOFF)).isEqualTo(3);

    assertThat(root.resolve("lectern-import/2026-10-01")).doesNotExist();
    assertThat(root.resolve("lectern-backup/2026-11-03")).doesNotExist();
    assertThat(old).doesNotExist();
    assertThat(lastOld).doesNotExist();
    assertThat(overflow).doesNotExist();
    assertThat(cutoffDay).exists();
    assertThat(young).exists();
    assertThat(notADay).exists();
    assertThat(almostADay).exists();
    assertThat(elsewhere).as("a link is not followed").isDirectory();
  }

  @Test
  void shouldDoNothingWithoutAJobLogDirectory() {
    assertThat(JobLogPrune.prune(temp.resolve("joblogs"), CUTOFF)).isZero();
  }

  private static Path log(Path root, String job, String day, String file) throws Exception {
    Path path = root.resolve(job).resolve(day).resolve(file);
    Files.createDirectories(path.getParent());
    return Files.writeString(path, "log line");
  }
}
