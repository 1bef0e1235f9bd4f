package dev.lectern.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.Sql;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Two Lectern servers on one database with a backup and a retention sweep every ten seconds: the
 * persistent timers fire once per cluster, so every tick gives exactly one backup and one sweep.
 */
class BackupScheduleIT {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

  @Test
  void shouldTakeExactlyOneBackupPerTickWithTwoServers() throws Exception {
    String dbUrl = Sql.createDatabase("schedule");
    Path dir = BackupInstallation.directory("schedule");
    try (LecternServer first = server("schedule-a", dbUrl, dir).launch();
        LecternServer second = server("schedule-b", dbUrl, dir).launch()) {
      first.awaitStarted().awaitReady();
      second.awaitStarted().awaitReady();
      BackupClient client = new BackupClient(first.http(), first.http().adminToken());
      LocalDateTime bothUp = LocalDateTime.now();
      Eventually.within(
          Duration.ofSeconds(120),
          () -> scheduled(client, bothUp).size() >= 6,
          () -> "scheduled backups so far: " + scheduled(client, bothUp));
      Map<LocalDateTime, List<String>> perTick = perTick(scheduled(client, bothUp));
      assertThat(perTick.values()).as("backups per tick: %s", perTick).allMatch(b -> b.size() == 1);
      List<LocalDateTime> ticks = List.copyOf(perTick.keySet());
      for (int i = 1; i < ticks.size(); i++) {
        assertThat(ChronoUnit.SECONDS.between(ticks.get(i - 1), ticks.get(i)))
            .as("no tick skipped: %s", perTick)
            .isEqualTo(10);
      }
      Map<Long, List<String>> sweeps = sweepsPerTick(client, bothUp);
      assertThat(sweeps).as("retention sweeps per tick: %s", sweeps).hasSizeGreaterThanOrEqualTo(3);
      assertThat(sweeps.values())
          .as("retention sweeps per tick: %s", sweeps)
          .allMatch(jobs -> jobs.size() == 1);
      assertThat(second.http().get("/health/ready").status()).isEqualTo(200);
    }
  }

  private static LecternServer server(String name, String dbUrl, Path dir) {
    return new LecternServer(name)
        .with("DB_URL", dbUrl)
        .with("BACKUP_DIR", dir.toString())
        .with("BACKUP_SCHEDULE", "*/10 * * * * *")
        .with("DRILL_SCHEDULE", "off")
        .with("BACKUP_RETENTION_SCHEDULE", "off")
        .with("RETENTION_SCHEDULE", "*/10 * * * * *");
  }

  /**
   * Retention jobs created after {@code since}, grouped by the ten-second tick that queued them.
   */
  private static Map<Long, List<String>> sweepsPerTick(BackupClient client, LocalDateTime since) {
    long after = since.atZone(java.time.ZoneId.systemDefault()).toEpochSecond();
    Map<Long, List<String>> ticks = new TreeMap<>();
    client.get("/api/v1/admin/jobs?type=retention&limit=100").json().getJsonArray("jobs").stream()
        .map(JsonObject.class::cast)
        .filter(job -> "system".equals(job.getString("createdBy")))
        .forEach(
            job -> {
              long at = java.time.Instant.parse(job.getString("createdAt")).getEpochSecond();
              if (at > after) {
                ticks
                    .computeIfAbsent(at / 10 * 10, t -> new java.util.ArrayList<>())
                    .add(job.getString("id"));
              }
            });
    return ticks;
  }

  /** Ids of scheduled backups taken after {@code since}. */
  private static List<String> scheduled(BackupClient client, LocalDateTime since) {
    return client.get("/api/v1/admin/backups").json().getJsonArray("backups").stream()
        .map(JsonObject.class::cast)
        .filter(b -> "schedule".equals(b.getString("trigger")))
        .map(b -> b.getString("id"))
        .filter(id -> stamp(id).isAfter(since))
        .toList();
  }

  /** Backups grouped by the ten-second tick that started them. */
  private static Map<LocalDateTime, List<String>> perTick(List<String> ids) {
    Map<LocalDateTime, List<String>> ticks = new TreeMap<>();
    for (String id : ids) {
      LocalDateTime at = stamp(id);
      LocalDateTime tick = at.withSecond(at.getSecond() / 10 * 10);
      ticks.computeIfAbsent(tick, t -> new java.util.ArrayList<>()).add(id);
    }
    return ticks;
  }

  private static LocalDateTime stamp(String id) {
    return LocalDateTime.parse(id.substring("lectern_".length(), "lectern_".length() + 15), STAMP);
  }
}
