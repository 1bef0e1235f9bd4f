package dev.lectern.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.Sql;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Online restores: confirmation required, old data kept when anything fails, read-only while it
 * runs, roster data back exactly, security state untouched. Own server, database and directory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestoreIT {

  private static final String USERS = "/ims/oneroster/rostering/v1p2/users?limit=5";
  private static LecternServer server;
  private static String dbUrl;
  private static Path backupDir;
  private static Http http;
  private static String admin;
  private static BackupClient backups;
  private static String backupId;
  private static Map<String, String> backedUp;

  @BeforeAll
  static void start() throws Exception {
    BackupInstallation installation = BackupInstallation.create("restore");
    dbUrl = installation.dbUrl();
    backupDir = installation.backupDir();
    server =
        installation.server().with("RESTORE_SWAP_LOCK_TIMEOUT_SECONDS", "2").start().awaitReady();
    http = server.http();
    admin = http.adminToken();
    backups = new BackupClient(http, admin);
    Sql.execute(dbUrl, "SELECT roster_generate_district(2000, 12000, 4)");
    backupId = backups.backup().getJsonObject("counts").getString("backupId");
    backedUp = TableDigests.roster(dbUrl);
    // Changes after the backup: roster rows deleted and edited, and a security change.
    Sql.execute(
        dbUrl,
        "DELETE FROM roster_enrollment WHERE sourced_id IN (SELECT sourced_id FROM"
            + " roster_enrollment ORDER BY sourced_id LIMIT 500)",
        "UPDATE roster_user SET given_name = 'Changed' WHERE sourced_id IN (SELECT sourced_id"
            + " FROM roster_user ORDER BY sourced_id LIMIT 10)");
    assertThat(TableDigests.roster(dbUrl)).isNotEqualTo(backedUp);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void shouldRequireTheBackupIdAsConfirmation() throws Exception {
    Map<String, String> before = TableDigests.roster(dbUrl);
    String path = "/api/v1/admin/backups/" + backupId + "/restore";
    HttpResult missing = backups.post(path, "{}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorCode()).isEqualTo("confirmation_required");
    assertThat(backups.post(path, "{\"confirm\":\"lectern_20000101_000000\"}").status())
        .isEqualTo(400);
    assertThat(
            backups
                .post(
                    "/api/v1/admin/backups/lectern_20000101_000000/restore",
                    "{\"confirm\":" + "\"lectern_20000101_000000\"}")
                .status())
        .isEqualTo(404);
    assertThat(TableDigests.roster(dbUrl)).isEqualTo(before);
  }

  @Test
  @Order(2)
  void shouldKeepTheOldDataWhenTheSwapCannotGetItsLocks() throws Exception {
    Map<String, String> before = TableDigests.roster(dbUrl);
    try (Connection reader = Sql.connect(dbUrl);
        Statement s = reader.createStatement()) {
      // A long-running reader holds roster_user past the swap's 2 s lock timeout.
      reader.setAutoCommit(false);
      s.execute("SELECT count(*) FROM roster_user");
      // Admins asking at the same moment: one restore is queued, the others are told why not.
      List<HttpResult> answers = concurrentRestores(4);
      assertThat(answers).extracting(HttpResult::status).containsOnly(202, 409);
      assertThat(answers).filteredOn(a -> a.status() == 202).hasSize(1);
      assertThat(answers)
          .filteredOn(a -> a.status() == 409)
          .allSatisfy(a -> assertThat(a.errorCode()).isEqualTo("job_in_progress"));
      JsonObject job =
          backups.await(
              backups.started(
                  answers.stream().filter(a -> a.status() == 202).findFirst().orElseThrow()));
      reader.rollback();
      assertThat(job.getString("state")).isEqualTo("failed");
      assertThat(job.getString("message")).contains("lock");
    }
    assertThat(TableDigests.roster(dbUrl)).isEqualTo(before);
    assertThat(mode()).isEqualTo("normal");
    try (Connection c = Sql.connect(dbUrl)) {
      assertThat(
              Sql.count(
                  c,
                  "SELECT count(*) FROM pg_namespace WHERE nspname IN ('restore_shadow',"
                      + " 'restore_retired')"))
          .isZero();
    }
  }

  @Test
  @Order(3)
  void shouldRestoreTheRosterOnlineReadOnlyMeanwhileAndKeepSecurityState() throws Exception {
    long apiKeysBefore;
    try (Connection c = Sql.connect(dbUrl)) {
      apiKeysBefore = Sql.count(c, "SELECT count(*) FROM api_key");
    }
    HttpResult key =
        backups.post(
            "/api/v1/admin/api-keys",
            "{\"name\":\"made after the backup\",\"scopes\":[\"https://purl.imsglobal.org/spec/or/v1p2/scope/roster.readonly\"]}");
    assertThat(key.status()).as(key.toString()).isEqualTo(201);

    HttpResult accepted =
        backups.post(
            "/api/v1/admin/backups/" + backupId + "/restore", "{\"confirm\":\"" + backupId + "\"}");
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String jobId = backups.started(accepted);
    Map<String, Integer> during = new HashMap<>();
    AtomicInteger readOnlySeen = new AtomicInteger();
    while (!Set.of("completed", "failed", "cancelled")
        .contains(backups.job(jobId).getString("state"))) {
      if ("read-only".equals(mode())) {
        HttpResult write =
            http.send(
                http.request("/api/v1/admin/roster/users/nobody")
                    .header("Authorization", "Bearer " + admin)
                    .DELETE());
        int read = http.get(USERS, admin).status();
        // Counted only if the restore was still running after the calls (it may end between).
        if ("read-only".equals(mode())) {
          readOnlySeen.incrementAndGet();
          during.merge("write " + write.status(), 1, Integer::sum);
          if (write.status() == 503) {
            assertThat(write.header("Retry-After")).isPresent();
          }
          during.merge("read " + read, 1, Integer::sum);
        }
      }
      Thread.sleep(50);
    }
    JsonObject job = backups.job(jobId);
    assertThat(job.getString("state")).as(job.toString()).isEqualTo("completed");
    assertThat(readOnlySeen.get()).isPositive();
    assertThat(during).containsKey("write 503").doesNotContainKey("read 503");
    assertThat(during.keySet()).allMatch(k -> k.equals("write 503") || k.equals("read 200"));

    assertThat(TableDigests.roster(dbUrl)).isEqualTo(backedUp);
    assertThat(mode()).isEqualTo("normal");
    try (Connection c = Sql.connect(dbUrl)) {
      assertThat(Sql.count(c, "SELECT count(*) FROM api_key")).isEqualTo(apiKeysBefore + 1);
    }
    assertThat(
            backups.get("/api/v1/admin/backups").json().getJsonArray("backups").stream()
                .map(b -> b.asJsonObject().getString("trigger")))
        .contains("pre-restore", "manual");
    assertThat(http.get(USERS, admin).status()).isEqualTo(200);
  }

  @Test
  @Order(4)
  void shouldRefuseADamagedArchiveWithoutChangingAnything() throws Exception {
    Sql.execute(
        dbUrl,
        "UPDATE roster_user SET family_name = 'After' WHERE sourced_id = (SELECT"
            + " min(sourced_id) FROM roster_user)");
    Map<String, String> before = TableDigests.roster(dbUrl);
    Path file = backupDir.resolve(backupId + ".lbk");
    byte[] original = Files.readAllBytes(file);
    byte[] damaged = original.clone();
    damaged[damaged.length - 20] ^= 1;
    Files.write(file, damaged);
    try {
      JsonObject job = restoreAndWait();
      assertThat(job.getString("state")).isEqualTo("failed");
      assertThat(job.getString("message")).contains("failed verification");
    } finally {
      Files.write(file, original);
    }
    assertThat(TableDigests.roster(dbUrl)).isEqualTo(before);
    assertThat(mode()).isEqualTo("normal");
  }

  private static List<HttpResult> concurrentRestores(int admins) throws Exception {
    String path = "/api/v1/admin/backups/" + backupId + "/restore";
    String body = "{\"confirm\":\"" + backupId + "\"}";
    ExecutorService pool = Executors.newFixedThreadPool(admins);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResult>> sent = new ArrayList<>();
      for (int i = 0; i < admins; i++) {
        sent.add(
            pool.submit(
                () -> {
                  go.await();
                  return backups.post(path, body);
                }));
      }
      go.countDown();
      List<HttpResult> answers = new ArrayList<>();
      for (Future<HttpResult> answer : sent) {
        answers.add(answer.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  private static JsonObject restoreAndWait() {
    HttpResult accepted =
        backups.post(
            "/api/v1/admin/backups/" + backupId + "/restore", "{\"confirm\":\"" + backupId + "\"}");
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    return backups.await(backups.started(accepted));
  }

  private static String mode() {
    return backups.get("/api/v1/admin/mode").json().getString("mode");
  }
}
