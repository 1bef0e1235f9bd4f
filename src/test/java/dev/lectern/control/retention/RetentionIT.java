package dev.lectern.control.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.JobStarts;
import dev.lectern.testing.Sql;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The retention sweep against the server under test (default settings: batches of 1,000): rows the
 * test makes old in every category, a dry run that counts them, a run that deletes exactly them in
 * batches while a OneRoster client pages, the kept rows unchanged, and the record of it all.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetentionIT {

  private static final Http HTTP = Http.lectern();
  private static final String MARK = "ret" + UUID.randomUUID().toString().substring(0, 8);
  private static final int OLD_TOMBSTONES = 2_500;

  private static final List<String> ROSTER_TABLES =
      List.of(
          "roster_org",
          "roster_academic_session",
          "roster_course",
          "roster_class",
          "roster_user",
          "roster_enrollment",
          "roster_demographics");
  private static final String OLD_TOMBSTONE =
      "status = 'tobedeleted' AND date_last_modified < now() - interval '180 days'";

  /** Batch jobs Liberty records as ended: stopped, failed, completed, abandoned. */
  private static final String ENDED = " WHERE batchstatus IN (3, 4, 5, 6)";

  private static final String OLD_KEYS =
      "SELECT id FROM api_key WHERE coalesce(revoked_at, expires_at) < now() - interval '365 days'"
          + " AND (revoked_at IS NOT NULL OR expires_at < now())";

  /**
   * What each category holds past its retention (the defaults), in the test's own SQL: the rows the
   * test made old, and any other test's that are.
   */
  private static final Map<String, String> OLD =
      Map.of(
          "audit-log",
          "SELECT count(*) FROM audit_log WHERE occurred_at < now() - interval '365 days'",
          "jobs",
          "SELECT count(*) FROM job WHERE state IN ('completed', 'failed', 'cancelled')"
              + " AND finished_at < now() - interval '30 days'",
          "drills",
          "SELECT count(*) FROM backup_drill WHERE started_at < now() - interval '365 days'",
          "api-key-usage",
          "SELECT count(*) FROM api_key_usage WHERE used_at < now() - interval '90 days'",
          "api-keys",
          "SELECT count(*) FROM (" + OLD_KEYS + ") k",
          "batch-jobs",
          "SELECT count(*) FROM liberty.wlpbatchjobinstance"
              + ENDED
              + " AND updatetime < localtimestamp - interval '30 days'");

  /** What each table keeps: the complement of what is old. */
  private static final Map<String, String> KEPT = new LinkedHashMap<>();

  private static String admin;
  private static UUID activeKey;
  private static Path oldPackage;
  private static Path newPackage;

  @BeforeAll
  static void makeRowsOld() throws Exception {
    admin = HTTP.adminToken();
    // A finished batch job of Liberty's own record, made old below: a dry run changes nothing else.
    finished(start("?dryRun=true"));
    Eventually.within(
        Duration.ofSeconds(10),
        () -> {
          try (Connection c = Sql.lecternDatabase()) {
            return Sql.count(c, "SELECT count(*) FROM liberty.wlpbatchjobinstance" + ENDED) > 0;
          } catch (SQLException e) {
            return false;
          }
        },
        () -> "no ended batch job in Liberty's job repository");
    activeKey = UUID.randomUUID();
    UUID revokedKey = UUID.randomUUID();
    UUID expiredKey = UUID.randomUUID();
    try (Connection c = Sql.lecternDatabase()) {
      String account =
          Sql.text(c, "SELECT id::text FROM platform_account WHERE username = 'admin'");
      Sql.execute(
          c,
          enrollments("old", OLD_TOMBSTONES, "tobedeleted", "now() - interval '400 days'"),
          enrollments("young", 10, "tobedeleted", "now() - interval '1 day'"),
          enrollments("active", 10, "active", "now() - interval '400 days'"),
          "INSERT INTO audit_log (occurred_at, actor, action, outcome) SELECT now() - interval"
              + " '400 days', '"
              + MARK
              + "', 'test.old', 'success' FROM generate_series(1, 3)",
          "INSERT INTO audit_log (occurred_at, actor, action, outcome) SELECT now() - interval"
              + " '100 days', '"
              + MARK
              + "', 'test.young', 'success' FROM generate_series(1, 2)",
          job("old-1", "40 days"),
          job("old-2", "40 days"),
          job("young", "1 day"),
          "INSERT INTO job_problem (job_id, seq, message) SELECT j.id, s, 'problem' FROM job j,"
              + " generate_series(1, 3) s WHERE j.created_by LIKE '"
              + MARK
              + "%'",
          drill("400 days"),
          drill("400 days"),
          drill("10 days"),
          reset(account, "now() - interval '1 hour'", "now() + interval '1 hour'"),
          reset(account, "NULL", "now() - interval '1 minute'"),
          reset(account, "NULL", "now() + interval '1 hour'"),
          key(activeKey, "NULL", "NULL"),
          key(revokedKey, "now() - interval '400 days'", "NULL"),
          key(expiredKey, "NULL", "now() - interval '400 days'"),
          usage(activeKey, "100 days", 3, "users", 200),
          usage(activeKey, "100 days", 2, "classes", 404),
          usage(activeKey, "1 day", 2, "users", 200),
          usage(revokedKey, "10 days", 2, "users", 200),
          "UPDATE liberty.wlpbatchjobinstance SET updatetime = updatetime - interval '40 days'"
              + " WHERE jobinstanceid = (SELECT max(jobinstanceid) FROM liberty.wlpbatchjobinstance"
              + ENDED
              + ")");
    }
    ROSTER_TABLES.forEach(table -> KEPT.put(table, "NOT (" + OLD_TOMBSTONE + ")"));
    String oldJobs =
        "SELECT id FROM job WHERE state IN ('completed', 'failed', 'cancelled')"
            + " AND finished_at < now() - interval '30 days'";
    String oldKeys = OLD_KEYS;
    KEPT.put(
        "audit_log", "occurred_at > now() - interval '365 days' AND action NOT LIKE 'retention.%'");
    KEPT.put("job", "type <> 'retention' AND id NOT IN (" + oldJobs + ")");
    KEPT.put("job_problem", "job_id NOT IN (" + oldJobs + ")");
    KEPT.put("backup_drill", "started_at > now() - interval '365 days'");
    KEPT.put("password_reset", "used_at IS NULL AND expires_at > now() + interval '30 minutes'");
    KEPT.put("api_key", "id NOT IN (" + oldKeys + ")");
    KEPT.put(
        "api_key_usage",
        "used_at > now() - interval '90 days' AND api_key_id NOT IN (" + oldKeys + ")");
    Path imports = Path.of(System.getenv("IMPORT_DIR"));
    Files.createDirectories(imports);
    oldPackage = Files.write(imports.resolve(UUID.randomUUID() + ".zip"), new byte[] {1});
    Files.setLastModifiedTime(oldPackage, FileTime.from(Instant.now().minus(40, ChronoUnit.DAYS)));
    newPackage = Files.write(imports.resolve(UUID.randomUUID() + ".zip"), new byte[] {1});
  }

  /** First: the rows the set-up made old must still be there for it to count. */
  @Test
  @Order(1)
  void shouldCountThenDeleteExactlyTheOldRowsInBatchesWhileReadersPage() throws Exception {
    Map<String, String> before = digests();
    Map<String, Long> old = oldRows();
    assertThat(old)
        .as("at least what the test made old")
        .containsKeys("audit-log", "jobs", "drills", "api-key-usage", "api-keys");
    assertThat(old.get("roster-tombstones")).isGreaterThanOrEqualTo(OLD_TOMBSTONES);
    assertThat(old.get("audit-log")).isGreaterThanOrEqualTo(3);
    assertThat(old.get("jobs")).isGreaterThanOrEqualTo(2);
    assertThat(old.get("drills")).isGreaterThanOrEqualTo(2);
    assertThat(old.get("api-key-usage")).isGreaterThanOrEqualTo(5);
    assertThat(old.get("api-keys")).isGreaterThanOrEqualTo(2);
    assertThat(old.get("batch-jobs")).isGreaterThanOrEqualTo(1);

    JsonObject dryRun = finished(start("?dryRun=true"));
    JsonObject counted = dryRun.getJsonObject("counts").getJsonObject("categories");
    assertThat(dryRun.getJsonObject("counts").getBoolean("dryRun")).isTrue();
    old.forEach(
        (category, rows) -> assertThat(rows(counted, category)).as(category).isEqualTo(rows));
    assertThat(rows(counted, "password-resets")).isGreaterThanOrEqualTo(2);
    assertThat(rows(counted, "import-packages")).isGreaterThanOrEqualTo(1);
    assertThat(counted.containsKey("backups")).as("backups keep their own timer").isFalse();
    assertThat(digests()).as("a dry run deletes nothing").isEqualTo(before);
    assertThat(Files.exists(oldPackage)).isTrue();

    long tombstoneBatches = tombstoneBatches();
    long generation = generation();
    AtomicBoolean sweeping = new AtomicBoolean(true);
    List<Integer> readerStatuses = new ArrayList<>();
    Thread reader = new Thread(() -> page(sweeping, readerStatuses));
    reader.start();
    JsonObject run;
    try {
      run = finished(start(""));
    } finally {
      sweeping.set(false);
      reader.join();
    }
    JsonObject deleted = run.getJsonObject("counts").getJsonObject("categories");
    old.forEach(
        (category, rows) -> assertThat(rows(deleted, category)).as(category).isEqualTo(rows));
    assertThat(deleted.getJsonObject("roster-tombstones").getInt("batches"))
        .as("per table, its rows in batches of 1,000: %s", tombstoneBatches)
        .isEqualTo(tombstoneBatches);
    assertThat(generation() - generation)
        .as("each batch its own transaction, each bumping the generation once")
        .isEqualTo(tombstoneBatches);
    assertThat(oldRows().values()).as("nothing old is left").allMatch(rows -> rows == 0);
    assertThat(rows(deleted, "password-resets")).isEqualTo(rows(counted, "password-resets"));
    assertThat(readerStatuses).isNotEmpty().allMatch(status -> status == 200);

    assertThat(digests()).as("every kept row as it was").isEqualTo(before);
    try (Connection c = Sql.lecternDatabase()) {
      assertThat(
              Sql.count(
                  c,
                  "SELECT count(*) FROM roster_enrollment WHERE sourced_id LIKE '"
                      + MARK
                      + "-old-%'"))
          .isZero();
      assertThat(Sql.count(c, "SELECT count(*) FROM audit_log WHERE action = 'test.old'")).isZero();
      assertThat(Sql.count(c, "SELECT count(*) FROM job WHERE created_by LIKE '" + MARK + "-old%'"))
          .isZero();
      assertThat(Sql.count(c, "SELECT count(*) FROM password_reset WHERE used_at IS NOT NULL"))
          .isZero();
      assertThat(
              Sql.count(
                  c,
                  "SELECT coalesce(sum(calls), 0) FROM api_key_usage_daily WHERE api_key_id = '"
                      + activeKey
                      + "'"))
          .as("old calls live on as daily counts")
          .isEqualTo(5);
      assertThat(
              Sql.count(
                  c,
                  "SELECT count(*) FROM api_key_usage_daily WHERE api_key_id = '"
                      + activeKey
                      + "'"))
          .as("one row per key, day, operation and status")
          .isEqualTo(2);
    }
    assertThat(Files.exists(oldPackage)).isFalse();
    assertThat(Files.exists(newPackage)).isTrue();

    assertThat(audit("retention.run", "admin")).isTrue();
    assertThat(audit("retention.sweep", "system")).isTrue();
    assertThat(HTTP.get("/metrics?scope=application").body())
        .containsPattern("lectern_retention_deleted_rows_total\\{category=\"roster-tombstones\"");
  }

  @Test
  @Order(2)
  void shouldRecordACategoryWhoseRowsStayLockedAndSweepTheOthers() throws Exception {
    try (Connection holder = Sql.lecternDatabase()) {
      Sql.execute(
          holder,
          enrollments("locked", 3, "tobedeleted", "now() - interval '400 days'"),
          job("locked", "40 days"));
      holder.setAutoCommit(false);
      Sql.text(
          holder,
          "SELECT sourced_id FROM roster_enrollment WHERE sourced_id = '"
              + MARK
              + "-locked-2' FOR UPDATE");
      String id = start("");
      Eventually.within(
          Duration.ofSeconds(60),
          () -> Set.of("completed", "failed").contains(job(id).getString("state")),
          () -> "retention job " + id + ": " + job(id));
      holder.rollback();
      JsonObject job = job(id);
      assertThat(job.getString("state")).isEqualTo("failed");
      assertThat(job.getString("message")).contains("roster-tombstones");
      JsonObject categories = job.getJsonObject("counts").getJsonObject("categories");
      assertThat(categories.getJsonObject("roster-tombstones").getString("error")).contains("lock");
      assertThat(categories.getJsonObject("jobs").containsKey("error")).isFalse();
      assertThat(rows(categories, "jobs")).as("the other categories still swept").isPositive();
    }
    assertThat(audit("retention.sweep", "system")).isTrue();
  }

  @Test
  void shouldListEveryPolicyWithTheSweepsScheduleAndLastRun() {
    HttpResult answer = HTTP.get("/api/v1/admin/retention", admin);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonObject view = answer.json();
    assertThat(view.getString("schedule")).isEqualTo("0 0 3 * * *");
    assertThat(view.getString("nextRun")).isNotBlank();
    Map<String, JsonObject> policies = new LinkedHashMap<>();
    view.getJsonArray("policies")
        .getValuesAs(JsonObject.class)
        .forEach(p -> policies.put(p.getString("category"), p));
    assertThat(policies.keySet())
        .containsExactly(
            "api-key-usage",
            "api-keys",
            "audit-log",
            "backups",
            "batch-jobs",
            "drills",
            "import-packages",
            "jobs",
            "password-resets",
            "roster-tombstones");
    assertThat(policies.get("jobs").getString("keeps")).contains("JOB_RETENTION_DAYS");
    assertThat(policies.get("jobs").getString("schedule")).isEqualTo("0 0 3 * * *");
    assertThat(policies.get("backups").getString("schedule")).isNotEqualTo("0 0 3 * * *");
  }

  @Test
  void shouldLetOperatorsReadButNotRun() {
    String operator = "ret-operator-" + UUID.randomUUID().toString().substring(0, 8);
    HTTP.createAccount(admin, operator, "operator", "operator-password-1234");
    String token = HTTP.login(operator, "operator-password-1234");
    assertThat(HTTP.get("/api/v1/admin/retention", token).status()).isEqualTo(200);
    HttpResult refused =
        HTTP.send(
            HTTP.request("/api/v1/admin/retention/run")
                .header("Authorization", "Bearer " + token)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    assertThat(refused.status()).isEqualTo(403);
  }

  private static String start(String query) {
    HttpResult answer =
        HTTP.send(
            HTTP.request("/api/v1/admin/retention/run" + query)
                .header("Authorization", "Bearer " + admin)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    return JobStarts.accepted(answer, HTTP, admin);
  }

  private static JsonObject finished(String id) {
    Eventually.within(
        Duration.ofSeconds(120),
        () -> Set.of("completed", "failed", "cancelled").contains(job(id).getString("state")),
        () -> "retention job " + id + ": " + job(id));
    JsonObject job = job(id);
    assertThat(job.getString("state")).as(job.toString()).isEqualTo("completed");
    return job;
  }

  private static JsonObject job(String id) {
    return HTTP.get("/api/v1/admin/jobs/" + id, admin).json();
  }

  private static long rows(JsonObject categories, String category) {
    assertThat(categories.containsKey(category)).as("%s in %s", category, categories).isTrue();
    return categories.getJsonObject(category).getJsonNumber("rows").longValue();
  }

  private static boolean audit(String action, String actor) {
    return HTTP.get("/api/v1/admin/audit-logs?action=" + action + "&actor=" + actor, admin)
            .json()
            .getJsonArray("auditLogs")
            .size()
        > 0;
  }

  /** Pages OneRoster enrollments from the start, again and again, while the sweep runs. */
  private static void page(AtomicBoolean sweeping, List<Integer> statuses) {
    int offset = 0;
    while (sweeping.get()) {
      int status =
          HTTP.get("/ims/oneroster/rostering/v1p2/enrollments?limit=100&offset=" + offset, admin)
              .status();
      synchronized (statuses) {
        statuses.add(status);
      }
      offset = offset >= 2_000 ? 0 : offset + 100;
    }
  }

  private static Map<String, String> digests() throws SQLException {
    Map<String, String> digests = new LinkedHashMap<>();
    try (Connection c = Sql.lecternDatabase()) {
      for (Map.Entry<String, String> kept : KEPT.entrySet()) {
        digests.put(
            kept.getKey(),
            Sql.text(
                c,
                "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY"
                    + " t::text)), '') FROM "
                    + kept.getKey()
                    + " t WHERE "
                    + kept.getValue()));
      }
    }
    return digests;
  }

  /** Rows past their retention per category, by the test's own SQL. */
  private static Map<String, Long> oldRows() throws SQLException {
    Map<String, Long> old = new LinkedHashMap<>();
    try (Connection c = Sql.lecternDatabase()) {
      for (Map.Entry<String, String> category : OLD.entrySet()) {
        old.put(category.getKey(), Sql.count(c, category.getValue()));
      }
      long tombstones = 0;
      for (String table : ROSTER_TABLES) {
        tombstones += Sql.count(c, "SELECT count(*) FROM " + table + " WHERE " + OLD_TOMBSTONE);
      }
      old.put("roster-tombstones", tombstones);
    }
    return old;
  }

  /** Batches of 1,000 the tombstones take: each table is swept on its own. */
  private static long tombstoneBatches() throws SQLException {
    long batches = 0;
    try (Connection c = Sql.lecternDatabase()) {
      for (String table : ROSTER_TABLES) {
        long rows = Sql.count(c, "SELECT count(*) FROM " + table + " WHERE " + OLD_TOMBSTONE);
        batches += (rows + 999) / 1_000;
      }
    }
    return batches;
  }

  private static long generation() throws SQLException {
    try (Connection c = Sql.lecternDatabase()) {
      return Sql.count(c, "SELECT value FROM roster_generation WHERE id = 1");
    }
  }

  private static String enrollments(String kind, int n, String status, String modified) {
    return ("INSERT INTO roster_enrollment (sourced_id, status, date_last_modified, class_sourced_id,"
            + " user_sourced_id, school_sourced_id, role) SELECT '%s-%s-' || i, '%s', %s, 'c', 'u',"
            + " 's', 'student' FROM generate_series(1, %d) i")
        .formatted(MARK, kind, status, modified, n);
  }

  private static String job(String name, String age) {
    return ("INSERT INTO job (id, type, state, created_at, created_by, finished_at) VALUES"
            + " (gen_random_uuid(), 'import', 'completed', now() - interval '%2$s', '%1$s-%3$s',"
            + " now() - interval '%2$s')")
        .formatted(MARK, age, name);
  }

  private static String drill(String age) {
    return ("INSERT INTO backup_drill (id, backup_id, started_at, finished_at, result) VALUES"
            + " (gen_random_uuid(), '%s', now() - interval '%2$s', now() - interval '%2$s',"
            + " 'SUCCESS')")
        .formatted(MARK, age);
  }

  private static String reset(String account, String usedAt, String expiresAt) {
    return ("INSERT INTO password_reset (token_hash, account_id, used_at, expires_at) VALUES"
            + " (md5(random()::text) || md5(random()::text), '%s', %s, %s)")
        .formatted(account, usedAt, expiresAt);
  }

  private static String key(UUID id, String revokedAt, String expiresAt) {
    return ("INSERT INTO api_key (id, name, client_id, secret_hash, scopes, expires_at, revoked_at,"
            + " created_at) VALUES ('%2$s', '%1$s', '%1$s-%2$s', 'x', '{}', %3$s, %4$s,"
            + " now() - interval '500 days')")
        .formatted(MARK, id, expiresAt, revokedAt);
  }

  private static String usage(UUID key, String age, int calls, String operation, int status) {
    return ("INSERT INTO api_key_usage (api_key_id, used_at, operation, status) SELECT '%s',"
            + " now() - interval '%s', '%s', %d FROM generate_series(1, %d)")
        .formatted(key, age, operation, status, calls);
  }
}
