package dev.lectern.control.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobLogPruneTest {

  private static final LocalDate CUTOFF = LocalDate.parse("2026-11-04");

  @TempDir Path root;

  @Test
  void shouldDeleteTheDaysBeforeTheCutoffOfEveryJobAndNothingElse() throws Exception {
    Path old = log("lectern-import", "2026-10-01", "instance.1/execution.1/part.1.log");
    Path lastOld = log("lectern-backup", "2026-11-03", "instance.7/execution.9/part.1.log");
    Path cutoffDay = log("lectern-backup", "2026-11-04", "instance.8/execution.10/part.1.log");
    Path young = log("lectern-import", "2026-12-01", "instance.2/execution.2/part.1.log");
    Path notADay = log("lectern-import", "notes", "readme.txt");

    assertThat(JobLogPrune.prune(root, CUTOFF)).isEqualTo(2);

    assertThat(old.getParent().getParent().getParent()).doesNotExist();
    assertThat(lastOld.getParent().getParent().getParent()).doesNotExist();
    assertThat(cutoffDay).exists();
    assertThat(young).exists();
    assertThat(notADay).exists();
    assertThat(root.resolve("lectern-import")).isDirectory();
  }

  @Test
  void shouldDoNothingWithoutAJobLogDirectory() {
    assertThat(JobLogPrune.prune(root.resolve("joblogs"), CUTOFF)).isZero();
  }

  private Path log(String job, String day, String file) throws Exception {
    Path path = root.resolve(job).resolve(day).resolve(file);
    Files.createDirectories(path.getParent());
    return Files.writeString(path, "log line");
  }
}
