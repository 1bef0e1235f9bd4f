package dev.lectern.ops.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.HttpResult;
import dev.lectern.testing.Sql;
import dev.lectern.testing.TestEnvironment;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Statements held open by the test on Lectern's database (and on another) as the person on call
 * sees and stops them.
 */
class DatabaseDiagnosticsIT {

  private static final String PATH = "/api/v1/admin/diagnostics/database";
  private final Http http = Http.lectern();
  private final String admin = http.adminToken();

  @Test
  void aLongQueryIsListedMaskedAndCancelled() throws Exception {
    try (Connection held = Sql.lecternDatabase()) {
      Sql.execute(held, "SET application_name = 'diag-it-sleep'");
      CompletableFuture<Void> sleeping =
          CompletableFuture.runAsync(
              () -> run(held, "SELECT pg_sleep(60), 'ann@example.org' AS who"));

      JsonObject backend = awaitBackend("diag-it-sleep", 300);
      assertThat(backend.getString("state")).isEqualTo("active");
      assertThat(backend.getString("query")).contains("pg_sleep(?)").doesNotContain("ann@");
      assertThat(backend.getBoolean("signalable")).isTrue();
      JsonObject report = http.get(PATH, admin).json();
      assertThat(report.getJsonArray("pools").getValuesAs(JsonObject.class))
          .anySatisfy(pool -> assertThat(pool.getString("dataSource")).isEqualTo("jdbc/lectern"))
          .allSatisfy(pool -> assertThat(pool.getJsonNumber("max").longValue()).isPositive());
      assertThat(report.getJsonObject("longestTransaction").getInt("pid")).isPositive();

      int pid = backend.getInt("pid");
      HttpResult cancelled = post(PATH + "/queries/" + pid + "/cancel");
      assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
      assertThat(cancelled.json().getString("signal")).isEqualTo("cancel");
      assertThatThrownBy(() -> sleeping.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .rootCause()
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
      assertThat(Sql.text(held, "SELECT 'still connected'")).isEqualTo("still connected");

      HttpResult audit = http.get("/api/v1/admin/audit-logs?action=database.cancel", admin);
      assertThat(audit.body()).contains("backend " + pid);
    }
  }

  @Test
  void aLockWaitNamesItsHolderAndTerminateEndsTheHolder() throws Exception {
    long lock = 7_300_000_000_000_000L + ProcessHandle.current().pid();
    try (Connection holder = Sql.lecternDatabase();
        Connection waiter = Sql.lecternDatabase()) {
      Sql.execute(holder, "SET application_name = 'diag-it-holder'");
      Sql.execute(waiter, "SET application_name = 'diag-it-waiter'");
      Sql.execute(holder, "SELECT pg_advisory_lock(" + lock + ")");
      int holderPid = Integer.parseInt(Sql.text(holder, "SELECT pg_backend_pid()"));
      CompletableFuture<Void> waiting =
          CompletableFuture.runAsync(() -> run(waiter, "SELECT pg_advisory_lock(" + lock + ")"));
      int waiterPid = awaitBackend("diag-it-waiter", 0).getInt("pid");

      Eventually.within(
          Duration.ofSeconds(10),
          () ->
              http
                  .get(PATH, admin)
                  .json()
                  .getJsonArray("blocked")
                  .getValuesAs(JsonObject.class)
                  .stream()
                  .anyMatch(
                      b -> b.getInt("pid") == waiterPid && b.getInt("blockedBy") == holderPid),
          () -> http.get(PATH, admin).body());

      HttpResult terminated = post(PATH + "/queries/" + holderPid + "/terminate");
      assertThat(terminated.status()).as(terminated.body()).isEqualTo(200);
      waiting.get(10, TimeUnit.SECONDS);
      assertThatThrownBy(() -> Sql.text(holder, "SELECT 1")).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void aBackendOfAnotherDatabaseCannotBeSignalled() throws Exception {
    String otherUrl = TestEnvironment.databaseUrl().replaceAll("/[^/?]+(\\?|$)", "/postgres$1");
    try (Connection other = Sql.connect(otherUrl)) {
      Sql.execute(other, "SET application_name = 'diag-it-other'");
      int pid = Integer.parseInt(Sql.text(other, "SELECT pg_backend_pid()"));
      assertThat(http.get(PATH, admin).body()).doesNotContain("diag-it-other");

      HttpResult refused = post(PATH + "/queries/" + pid + "/terminate");
      assertThat(refused.status()).isEqualTo(404);
      assertThat(refused.errorCode()).isEqualTo("backend_not_found");
      assertThat(post(PATH + "/queries/" + pid + "/cancel").status()).isEqualTo(404);
      assertThat(Sql.text(other, "SELECT 'alive'")).isEqualTo("alive");
    }
    assertThat(post(PATH + "/queries/0/cancel").status()).isEqualTo(404);
    assertThat(post(PATH + "/queries/abc/cancel").status()).isBetween(400, 404);
  }

  @Test
  void aStatementSlowerThanTheThresholdIsLoggedOnceWithItsRequestIdAndCounted() throws Exception {
    long before = slowStatementsOfRequests();
    String requestId = "slow-statement-" + System.nanoTime();
    HttpResult answer;
    try (Connection locker = Sql.lecternDatabase()) {
      locker.setAutoCommit(false);
      Sql.execute(locker, "LOCK TABLE audit_log IN ACCESS EXCLUSIVE MODE");
      CompletableFuture<HttpResult> read =
          CompletableFuture.supplyAsync(
              () ->
                  http.send(
                      http.request("/api/v1/admin/audit-logs?limit=1")
                          .header("Authorization", "Bearer " + admin)
                          .header("X-Request-ID", requestId)
                          .GET()));
      Thread.sleep(1_300);
      locker.commit();
      answer = read.get(10, TimeUnit.SECONDS);
    }
    assertThat(answer.status()).isEqualTo(200);
    assertThat(slowStatementsOfRequests()).isGreaterThan(before);
    Path messages =
        TestEnvironment.libertyDir()
            .resolve("usr/servers")
            .resolve(TestEnvironment.serverName())
            .resolve("logs/messages.log");
    Eventually.within(
        Duration.ofSeconds(5),
        () -> slowLines(messages, requestId).size() == 1,
        () -> "slow-statement lines of " + requestId + ": " + slowLines(messages, requestId));
    assertThat(slowLines(messages, requestId).get(0)).contains("audit_log").doesNotContain("'");
  }

  /** Slow statements of requests (not jobs) counted by the server so far. */
  private long slowStatementsOfRequests() {
    return http.get("/metrics")
        .body()
        .lines()
        .filter(line -> line.startsWith("lectern_slow_statements_total{"))
        .filter(line -> !line.contains("origin=\"jobs\""))
        .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static List<String> slowLines(Path messages, String requestId) {
    try {
      return Files.readAllLines(messages).stream()
          .filter(line -> line.contains("\"ext_requestId\":\"" + requestId + "\""))
          .filter(line -> line.contains("Slow statement") || line.contains("Slow query"))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private JsonObject awaitBackend(String application, long minQueryMs) {
    JsonObject[] found = new JsonObject[1];
    Eventually.within(
        Duration.ofSeconds(10),
        () -> {
          found[0] = backend(application).orElse(null);
          return found[0] != null
              && "active".equals(found[0].getString("state"))
              && found[0].getJsonNumber("queryMs").longValue() >= minQueryMs;
        },
        () -> String.valueOf(found[0]));
    return found[0];
  }

  private Optional<JsonObject> backend(String application) {
    return http
        .get(PATH, admin)
        .json()
        .getJsonArray("backends")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(b -> application.equals(b.getString("application", null)))
        .findFirst();
  }

  private HttpResult post(String path) {
    return http.send(
        http.request(path)
            .header("Authorization", "Bearer " + admin)
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  private static void run(Connection connection, String sql) {
    try {
      Sql.execute(connection, sql);
    } catch (SQLException e) {
      throw new java.util.concurrent.CompletionException(e);
    }
  }
}
