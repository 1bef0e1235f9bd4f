package dev.lectern.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.LecternServer;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server whose directories are all "nearly full" (a threshold of 100 % free): the health report
 * degrades and names each path, readiness stays up, the gauge carries the free bytes. The same
 * server shows the heap-dump settings reached its JVM.
 */
class DiskSpaceIT {

  @Test
  void aNearlyFullDiskDegradesHealthWithThePathButNotReadiness() {
    try (LecternServer server =
        new LecternServer("disk").with("DISK_MIN_FREE_PERCENT", "100").start().awaitReady()) {
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
