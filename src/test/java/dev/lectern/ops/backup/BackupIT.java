package dev.lectern.ops.backup;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.Sql;
import dev.lectern.testing.TestEnvironment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Backups of a generated district: taken as a job, verified, restored offline into an empty
 * database with every table identical, refused when damaged, and drilled. Own server, database and
 * backup directory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupIT {

  private static final String KEY = randomKey();
  private static final String KEYS = "k1:" + KEY + ",k0:" + randomKey();
  private static LecternServer server;
  private static String dbUrl;
  private static Path backupDir;
  private static BackupClient backups;
  private static String backupId;
  private static String backupJob;

  @BeforeAll
  static void start() throws Exception {
    BackupInstallation installation = BackupInstallation.create("backup");
    dbUrl = installation.dbUrl();
    backupDir = installation.backupDir();
    server = installation.server().with("BACKUP_ENCRYPTION_KEYS", KEYS).start().awaitReady();
    Http http = server.http();
    backups = new BackupClient(http, http.adminToken());
    Sql.execute(dbUrl, "SELECT roster_generate_district(3000, 20000, 6)");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void shouldTakeAnEncryptedBackupVerifiedByReadingItBack() throws Exception {
    JsonObject job = backups.backup();
    backupJob = job.getString("id");
    JsonObject counts = job.getJsonObject("counts");
    backupId = counts.getString("backupId");
    assertThat(backupId).matches("lectern_\\d{8}_\\d{6}(_\\d+)?");
    assertThat(counts.getBoolean("verified")).isTrue();
    assertThat(Files.exists(backupDir.resolve(backupId + ".lbk"))).isTrue();

    JsonObject backup = backups.get("/api/v1/admin/backups/" + backupId).json();
    assertThat(backup.getBoolean("encrypted")).isTrue();
    assertThat(backup.getString("keyId")).isEqualTo("k1");
    assertThat(backup.getBoolean("verified")).isTrue();
    assertThat(backup.getString("trigger")).isEqualTo("manual");
    long users = tableRows(backup, "roster_user");
    try (Connection c = Sql.connect(dbUrl)) {
      assertThat(users).isEqualTo(Sql.count(c, "SELECT count(*) FROM roster_user"));
    }
    assertThat(backup.getJsonArray("tables").stream().map(t -> t.asJsonObject().getString("name")))
        .contains("roster_enrollment", "platform_account", "api_key", "audit_log", "job")
        .doesNotContain("flyway_schema_history")
        .noneMatch(name -> name.startsWith("wlpbatch"));
    assertThat(
            backups.get("/api/v1/admin/backups").json().getJsonArray("backups").stream()
                .map(b -> b.asJsonObject().getString("id")))
        .contains(backupId);
  }

  @Test
  @Order(2)
  void shouldRestoreOfflineIntoAnEmptyDatabaseWithEveryTableIdentical() throws Exception {
    String target = Sql.createDatabase("backup_offline");
    Cli cli = restore(target, KEYS, "--yes");
    assertThat(cli.exit).as(cli.output).isZero();
    // Rows written while the backup ran are not in its snapshot: its own job row and the audit
    // record of its request (written as the job was queued).
    Map<String, String> filters =
        Map.of("job", "id <> '" + backupJob + "'", "audit_log", "action <> 'backup.request'");
    assertThat(TableDigests.of(target, filters)).isEqualTo(TableDigests.of(dbUrl, filters));
    try (Connection c = Sql.connect(target)) {
      assertThat(Sql.count(c, "SELECT count(*) FROM roster_enrollment")).isPositive();
      // Identity sequences continue after the restored ids.
      Sql.execute(
          target,
          "INSERT INTO audit_log (actor, action, outcome) VALUES ('test', 'after.restore',"
              + " 'success')");
      assertThat(
              Sql.count(c, "SELECT count(*) FROM pg_indexes WHERE tablename = 'roster_enrollment'"))
          .isEqualTo(countIndexes(dbUrl, "roster_enrollment"));
    }
  }

  @Test
  @Order(3)
  void shouldRefuseAnOfflineRestoreWithoutConfirmationOrIntoADatabaseInUse() throws Exception {
    String target = Sql.createDatabase("backup_unconfirmed");
    Cli unconfirmed = restore(target, KEYS);
    assertThat(unconfirmed.exit).as(unconfirmed.output).isEqualTo(2);
    assertThat(unconfirmed.output).contains("--yes");
    assertThat(tables(target)).isZero();

    Cli inUse = restore(dbUrl, KEYS, "--yes");
    assertThat(inUse.exit).as(inUse.output).isEqualTo(1);
    assertThat(inUse.output).contains("not empty");
  }

  @Test
  @Order(4)
  void shouldReportTamperingAndRefuseToRestoreIt() throws Exception {
    Path file = backupDir.resolve(backupId + ".lbk");
    byte[] original = Files.readAllBytes(file);
    try {
      byte[] damaged = original.clone();
      damaged[damaged.length / 2] ^= 0x10;
      Files.write(file, damaged);
      HttpResult verify = backups.post("/api/v1/admin/backups/" + backupId + "/verify", "{}");
      assertThat(verify.status()).as(verify.toString()).isEqualTo(200);
      assertThat(verify.json().getBoolean("verified")).isFalse();
      assertThat(verify.json().getJsonArray("problems").getString(0))
          .contains("failed authentication");
      assertThat(backups.get("/api/v1/admin/backups/" + backupId).json().getBoolean("verified"))
          .isFalse();

      String target = Sql.createDatabase("backup_tampered");
      Cli refused = restore(target, KEYS, "--yes");
      assertThat(refused.exit).as(refused.output).isEqualTo(1);
      assertThat(refused.output).contains("failed authentication");
      assertThat(tables(target)).as("nothing written").isZero();

      JsonObject drill = backups.drill(backupId);
      assertThat(drill.getString("result")).isEqualTo("FAILED");
      assertThat(drill.getString("reason")).contains("failed authentication");
    } finally {
      Files.write(file, original);
    }
    String wrongKey = Sql.createDatabase("backup_wrong_key");
    Cli wrong = restore(wrongKey, "k1:" + randomKey(), "--yes");
    assertThat(wrong.exit).as(wrong.output).isEqualTo(1);
    assertThat(wrong.output).contains("failed authentication");
    assertThat(tables(wrongKey)).isZero();
  }

  @Test
  @Order(5)
  void shouldRecordASuccessfulDrillAndShowItsAgeInHealth() {
    JsonObject drill = backups.drill(backupId);
    assertThat(drill.getString("result")).as(drill.toString()).isEqualTo("SUCCESS");
    assertThat(drill.getString("backupId")).isEqualTo(backupId);
    assertThat(
            backups.get("/api/v1/admin/backups/drills").json().getJsonArray("drills").stream()
                .map(d -> d.asJsonObject().getString("result")))
        .contains("SUCCESS", "FAILED");
    dev.lectern.testing.Eventually.within(
        java.time.Duration.ofSeconds(40),
        () -> {
          JsonObject health = backups.get("/api/v1/health").json().getJsonObject("backups");
          return health.containsKey("lastSuccessfulDrillAgeSeconds")
              && !health.isNull("lastSuccessfulDrillAgeSeconds")
              && health.getInt("lastSuccessfulDrillAgeSeconds") < 120;
        },
        () -> "health: " + backups.get("/api/v1/health").body());
    assertThat(backups.get("/metrics?scope=application").body())
        .contains("lectern_backup_drill_last_success_age_seconds");
  }

  @Test
  @Order(6)
  void shouldListAndVerifyAnArchiveCopiedBackIntoTheDirectory() throws Exception {
    Path file = backupDir.resolve(backupId + ".lbk");
    Path offsite = Files.createTempDirectory("offsite").resolve(file.getFileName());
    Files.move(file, offsite);
    assertThat(backups.get("/api/v1/admin/backups/" + backupId).status()).isEqualTo(404);
    Files.copy(offsite, file);
    HttpResult verify = backups.post("/api/v1/admin/backups/" + backupId + "/verify", "{}");
    assertThat(verify.json().getBoolean("verified")).as(verify.toString()).isTrue();
    assertThat(backups.get("/api/v1/admin/backups/" + backupId).json().getBoolean("verified"))
        .isTrue();
  }

  @Test
  @Order(7)
  void shouldIgnoreADamagedVerificationRecordAndListAnUnreadableArchiveWithItsReason()
      throws Exception {
    Path sidecar = backupDir.resolve(backupId + ".verify.json");
    Files.write(sidecar, new byte[] {(byte) 0xC3, 0x28, '{', (byte) 0xFF});
    HttpResult listed = backups.get("/api/v1/admin/backups");
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    assertThat(backups.get("/api/v1/admin/backups/" + backupId).json().get("verified"))
        .as("a damaged record counts as never verified")
        .isIn(null, JsonValue.NULL);
    HttpResult verify = backups.post("/api/v1/admin/backups/" + backupId + "/verify", "{}");
    assertThat(verify.status()).as(verify.toString()).isEqualTo(200);
    assertThat(backups.get("/api/v1/admin/backups/" + backupId).json().getBoolean("verified"))
        .isTrue();

    String garbage = "lectern_20000101_000000";
    Files.write(backupDir.resolve(garbage + ".lbk"), "not an archive".getBytes(UTF_8));
    try {
      HttpResult withGarbage = backups.get("/api/v1/admin/backups");
      assertThat(withGarbage.status()).as(withGarbage.toString()).isEqualTo(200);
      JsonObject unreadable = backups.get("/api/v1/admin/backups/" + garbage).json();
      assertThat(unreadable.getString("problem", "")).isNotBlank();
      Eventually.within(
          Duration.ofSeconds(45),
          () -> server.http().get("/api/v1/health").json().getString("status").equals("degraded"),
          () -> server.http().get("/api/v1/health").toString());
    } finally {
      assertThat(backups.delete("/api/v1/admin/backups/" + garbage).status()).isEqualTo(204);
    }
    assertThat(server.http().get("/api/v1/health").json().getString("status")).isEqualTo("healthy");
  }

  @Test
  @Order(8)
  void shouldAnswer404ForUnknownOrMalformedIds() {
    assertThat(backups.get("/api/v1/admin/backups/lectern_19990101_000000").status())
        .isEqualTo(404);
    assertThat(backups.get("/api/v1/admin/backups/lectern_x").status()).isEqualTo(404);
    assertThat(backups.get("/api/v1/admin/backups/..%2F..%2Fetc").status()).isBetween(400, 404);
    assertThat(backups.post("/api/v1/admin/backups/drills", "{\"backupId\":\"nope\"}").status())
        .isEqualTo(400);
    for (String path :
        new String[] {
          "/api/v1/admin/backups/", "/api/v1/admin/jobs/", "/api/v1/admin/backups/drills/"
        }) {
      HttpResult echo = backups.get(path + "x".repeat(5000));
      assertThat(echo.status()).as(path).isEqualTo(404);
      assertThat(echo.body())
          .as(path + " echoes at most 64 characters of the id")
          .hasSizeLessThan(400);
    }
  }

  @Test
  @Order(8)
  void shouldNotShowTheServersFilesystemInTheListing() {
    assertThat(backups.get("/api/v1/admin/backups").json()).doesNotContainKey("directory");
    assertThat(backups.get("/api/v1/admin/backups").body()).doesNotContain(backupDir.toString());
  }

  @Test
  @Order(9)
  void shouldKeepExactlyWhatTheRetentionPolicySaysAndAuditEachDeletion() throws Exception {
    // Twenty nightly backups, 2026-01-01 (a Thursday) to 2026-01-20, eleven old manual ones, and
    // an archive nobody can read, beside the manual backup taken above.
    List<String> deletedExpected = new ArrayList<>();
    List<String> keptExpected = new ArrayList<>();
    for (int day = 1; day <= 20; day++) {
      String id = String.format("lectern_202601%02d_120000", day);
      fakeArchive(id, "2026-01-%02dT12:00:00Z".formatted(day), "schedule");
      // Days 14-20 (daily), the newest of ISO weeks 2 and 1 (Jan 11, Jan 4); Jan 20 is also the
      // newest of week 4 and of the month, Jan 18 of week 3.
      (day >= 14 || day == 11 || day == 4 ? keptExpected : deletedExpected).add(id);
    }
    for (int day = 1; day <= 11; day++) {
      String id = String.format("lectern_202506%02d_120000", day);
      fakeArchive(id, "2025-06-%02dT12:00:00Z".formatted(day), "manual");
      // With today's manual backup that is twelve: the newest ten stay.
      (day >= 3 ? keptExpected : deletedExpected).add(id);
    }
    Files.writeString(backupDir.resolve("lectern_20250101_120000.lbk"), "not an archive");
    keptExpected.add("lectern_20250101_120000");
    keptExpected.add(backupId);

    HttpResult dryRun = backups.post("/api/v1/admin/backups/retention?dryRun=true", "{}");
    assertThat(dryRun.json().getJsonArray("deleted").getValuesAs(jakarta.json.JsonString.class))
        .map(jakarta.json.JsonString::getString)
        .containsExactlyInAnyOrderElementsOf(deletedExpected);
    assertThat(Files.exists(backupDir.resolve(deletedExpected.get(0) + ".lbk"))).isTrue();

    HttpResult swept = backups.post("/api/v1/admin/backups/retention", "{}");
    assertThat(swept.status()).as(swept.toString()).isEqualTo(200);
    List<String> remaining;
    try (var files = Files.list(backupDir)) {
      remaining =
          files
              .map(f -> f.getFileName().toString())
              .filter(name -> name.endsWith(".lbk"))
              .map(name -> name.substring(0, name.length() - 4))
              .toList();
    }
    assertThat(remaining).containsExactlyInAnyOrderElementsOf(keptExpected);
    try (Connection c = Sql.connect(dbUrl)) {
      assertThat(
              Sql.count(
                  c, "SELECT count(*) FROM audit_log WHERE action = 'backup.retention.delete'"))
          .isEqualTo(deletedExpected.size());
    }
  }

  /** An archive with no tables, as a backup of {@code trigger} taken at {@code created}. */
  private static void fakeArchive(String id, String created, String trigger) throws IOException {
    dev.lectern.ops.backup.archive.ArchiveWriter.write(
        backupDir.resolve(id + ".lbk"),
        new dev.lectern.ops.backup.archive.ArchiveManifest(
            id, java.time.Instant.parse(created), "test", "12", trigger, null, 0, List.of()),
        List.of(),
        dev.lectern.ops.backup.archive.Keyring.empty());
  }

  private static long tableRows(JsonObject backup, String table) {
    return backup.getJsonArray("tables").stream()
        .map(t -> t.asJsonObject())
        .filter(t -> t.getString("name").equals(table))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("rows")
        .longValue();
  }

  private static long tables(String url) throws Exception {
    try (Connection c = Sql.connect(url)) {
      return Sql.count(c, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");
    }
  }

  private static long countIndexes(String url, String table) throws Exception {
    try (Connection c = Sql.connect(url)) {
      return Sql.count(c, "SELECT count(*) FROM pg_indexes WHERE tablename = '" + table + "'");
    }
  }

  private record Cli(int exit, String output) {}

  /** Runs {@code bin/lectern restore} as an operator would, without a terminal. */
  private static Cli restore(String targetUrl, String keys, String... extra)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(TestEnvironment.projectDir().resolve("bin/lectern").toString());
    command.add("restore");
    command.add(backupDir.resolve(backupId + ".lbk").toString());
    command.add("--db-url");
    command.add(targetUrl);
    command.add("--db-user");
    command.add(TestEnvironment.databaseUser());
    command.addAll(List.of(extra));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("BACKUP_ENCRYPTION_KEYS", keys);
    builder.environment().put("DB_PASSWORD", TestEnvironment.databasePassword());
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("restore did not finish: " + output);
    }
    return new Cli(process.exitValue(), output);
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
