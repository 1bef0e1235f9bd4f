package dev.lectern.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.LecternServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A server whose directories are all "nearly full" (a threshold of 100 % free): the health report
 * degrades and names each path, readiness stays up, the gauge carries the free bytes. The same
 * server shows the heap-dump settings reached its JVM, and that its logs roll over at the
 * configured size and keep the configured number of files.
 */
class DiskSpaceIT {

  @Test
  void aNearlyFullDiskDegradesHealthWithThePathButNotReadiness() throws IOException {
    try (LecternServer server =
        new LecternServer("disk")
            .with("DISK_MIN_FREE_PERCENT", "100")
            .with("LOG_MAX_FILE_SIZE_MB", "1")
            .with("LOG_MAX_FILES", "2")
            .start()
            .awaitReady()) {
      Http http = server.http();
      HttpResult health = http.get("/api/v1/health");
      assertThat(health.status()).isEqualTo(200);
      JsonObject report = health.json();
      assertThat(report.getString("status")).isEqualTo("degraded");
      List<JsonObject> disks = report.getJsonArray("disk").getValuesAs(JsonObject.class);
      assertThat(disks)
          .extracting(d -> d.getString("name"))
          .containsExactly("backups", "imports", "logs");
      assertThat(disks)
          .allSatisfy(
              d -> {
                assertThat(d.getString("status")).isEqualTo("low");
                assertThat(d.getString("path")).startsWith("/");
                assertThat(d.getJsonNumber("freeBytes").longValue()).isPositive();
                assertThat(d.getBoolean("writable")).isTrue();
              });
      assertThat(http.get("/health/ready").status()).isEqualTo(200);
      assertThat(http.get("/metrics").body())
          .containsPattern("lectern_disk_free_bytes\\{directory=\"backups\"[^}]*} [1-9]")
          .contains("lectern_disk_free_bytes{directory=\"logs\"");

      assertThat(server.jvmArguments())
          .contains("-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=/var/lib/lectern/dumps");

      // about 3 MB of access-log lines in messages.log: rolled over at 1 MB, 2 files kept
      for (int i = 0; i < 7_000; i++) {
        http.get("/healthz");
      }
      try (Stream<Path> files = Files.list(server.logs())) {
        List<Path> messages =
            files.filter(f -> f.getFileName().toString().startsWith("messages")).toList();
        assertThat(messages).as("messages logs").hasSizeBetween(2, 3);
        for (Path file : messages) {
          assertThat(Files.size(file)).as(file.toString()).isLessThan(1_100_000);
        }
      }
    }
  }

  @Test
  void theServerUnderTestHasRoomEverywhere() {
    JsonObject report = Http.lectern().get("/api/v1/health").json();
    assertThat(report.getJsonArray("disk").getValuesAs(JsonObject.class))
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.getString("status")).isEqualTo("ok"));
  }
}
