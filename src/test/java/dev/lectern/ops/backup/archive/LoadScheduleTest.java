package dev.lectern.ops.backup.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Index builds are handed out as soon as their table is loaded, largest table first. */
class LoadScheduleTest {

  private final SetAside setAside =
      new SetAside(
          Map.of(
              "big", List.of("CREATE INDEX big_a", "CREATE INDEX big_b"),
              "small", List.of("CREATE INDEX small_a")),
          List.of(),
          List.of());

  private final LoadSchedule schedule =
      new LoadSchedule(List.of("big", "small"), Map.of("big", 1000L, "small", 10L), setAside);

  @Test
  void shouldHandOutTablesThenTheIndexesOfLoadedTablesLargestFirst() throws Exception {
    assertThat(schedule.nextTable()).isEqualTo("big");
    assertThat(schedule.nextTable()).isEqualTo("small");
    assertThat(schedule.nextTable()).isNull();
    schedule.loaded("small");
    assertThat(schedule.nextIndex()).isEqualTo("CREATE INDEX small_a");

    CompletableFuture<String> waiting = CompletableFuture.supplyAsync(this::nextIndex);
    Thread.sleep(100);
    assertThat(waiting).as("waits while a table still loads").isNotDone();
    schedule.loaded("big");
    assertThat(waiting.get(5, TimeUnit.SECONDS)).startsWith("CREATE INDEX big_");
    assertThat(schedule.nextIndex()).startsWith("CREATE INDEX big_");
    assertThat(schedule.nextIndex()).isNull();
  }

  @Test
  void shouldOrderWaitingBuildsByTableSize() throws Exception {
    schedule.nextTable();
    schedule.nextTable();
    schedule.loaded("small");
    schedule.loaded("big");
    List<String> builds = List.of(schedule.nextIndex(), schedule.nextIndex(), schedule.nextIndex());
    assertThat(builds.subList(0, 2))
        .containsExactlyInAnyOrder("CREATE INDEX big_a", "CREATE INDEX big_b");
    assertThat(builds.get(2)).isEqualTo("CREATE INDEX small_a");
    assertThat(schedule.nextIndex()).isNull();
  }

  @Test
  void shouldStopWaitingWhenInterrupted() {
    schedule.nextTable();
    Thread.currentThread().interrupt();
    assertThatThrownBy(schedule::nextIndex).isInstanceOf(InterruptedIOException.class);
    assertThat(Thread.interrupted()).isTrue();
  }

  private String nextIndex() {
    try {
      return schedule.nextIndex();
    } catch (InterruptedIOException e) {
      throw new IllegalStateException(e);
    }
  }
}
