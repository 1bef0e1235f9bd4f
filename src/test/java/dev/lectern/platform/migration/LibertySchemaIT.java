package dev.lectern.platform.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.platform.db.AdvisoryLock;
import dev.lectern.testing.Eventually;
import dev.lectern.testing.Http;
import dev.lectern.testing.JobStarts;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.Sql;
import dev.lectern.testing.TestEnvironment;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Liberty's own tables (timers, batch) never land in Lectern's schema, whichever of Liberty and the
 * first migration reaches the database first; an installation that still has them there keeps every
 * timer and job history when they move, in either order too.
 */
class LibertySchemaIT {

  /** Session advisory lock the server holds while it migrates an existing schema. */

  /** Liberty's tables and the key that names their rows. */
  private static final Map<String, String> KEYS =
      Map.of(
          "ejbtimer_task", "id",
          "wlpbatchjobinstance", "jobinstanceid",
          "wlpbatchjobexecution", "jobexecid",
          "wlpbatchstepthreadexecution", "stepexecid");

  @Test
  void shouldKeepLibertyOutOfLecternsSchemaAndMoveAnOldInstallationInEitherOrder()
      throws Exception {
    // A fresh database, Lectern's migrations first: Liberty's tables are made in their schema.
    String installed = Sql.createDatabase("liberty_installed");
    migrate(installed);
    Map<String, List<String>> history;
    try (LecternServer server = ready("liberty-flyway-first", installed)) {
      runBackup(server.http());
      Eventually.within(
          Duration.ofSeconds(30),
          () -> rows(installed, "liberty").get("ejbtimer_task").size() >= 1,
          () -> "no backup timer stored: " + rows(installed, "liberty"));
      history = rows(installed, "liberty");
    }
    assertThat(libertyTablesIn(installed, "public")).isEmpty();
    assertThat(history.get("wlpbatchjobinstance")).isNotEmpty();

    // The other three start from copies of that installation.
    String libertyFirst = Sql.createDatabase("liberty_first");
    copy(installed, libertyFirst);
    Sql.execute(libertyFirst, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
    // An installation from before: Liberty's tables in Lectern's schema, at migration 13. Each
    // migration after 14 is undone here too, newest first, so 14 is the next one to run.
    for (String table : libertyTablesIn(installed, "liberty")) {
      Sql.execute(installed, "ALTER TABLE liberty." + table + " SET SCHEMA public");
    }
    Sql.execute(
        installed,
        "DROP SCHEMA liberty",
        "DROP TABLE log_level_override",
        "DROP TABLE access_rule",
        "DROP TABLE rate_limit_exemption",
        "DROP TABLE rate_limit_override",
        "DROP TABLE setting_history",
        "DROP FUNCTION setting_history_append_only()",
        "DROP TABLE feature_flag",
        "DROP TABLE maintenance_window",
        "DROP TABLE change_feed",
        "DROP TABLE api_key_usage_daily",
        "DROP INDEX api_key_usage_time",
        "DELETE FROM job WHERE type = 'retention'",
        "ALTER TABLE job DROP CONSTRAINT job_type_check",
        "ALTER TABLE job ADD CONSTRAINT job_type_check CHECK (type IN ('import', 'backup',"
            + " 'verify', 'restore', 'partial-restore', 'drill'))",
        "DELETE FROM flyway_schema_history"
            + " WHERE version IN ('14', '15', '16', '17', '18', '19', '20')");
    assertThat(rows(installed, "public")).isEqualTo(history);
    String upgradedLibertyFirst = Sql.createDatabase("liberty_upgraded_liberty_first");
    copy(installed, upgradedLibertyFirst);

    freshLibertyFirst(libertyFirst, history);
    upgradedMigrationFirst(installed, history);
    upgradedLibertyFirst(upgradedLibertyFirst, history);
  }

  /** A fresh database where Liberty came first: its schema is there, Lectern's is empty. */
  private static void freshLibertyFirst(String url, Map<String, List<String>> history) {
    try (LecternServer server = ready("liberty-first", url)) {
      assertUpgraded(url, history);
    }
  }

  private static void upgradedMigrationFirst(String url, Map<String, List<String>> history) {
    migrate(url);
    try (LecternServer server = ready("liberty-upgraded", url)) {
      assertUpgraded(url, history);
      runBackup(server.http());
    }
  }

  /**
   * The server's migration waits (the test holds its lock) while Liberty makes its tables and
   * registers itself in them; then the old rows join Liberty's.
   */
  private static void upgradedLibertyFirst(String url, Map<String, List<String>> history) {
    try (Connection lock = Sql.connect(url);
        Statement s = lock.createStatement();
        LecternServer server =
            new LecternServer("liberty-upgraded-liberty-first").with("DB_URL", url)) {
      s.execute("SELECT pg_advisory_lock(" + AdvisoryLock.SCHEMA_MIGRATION.id() + ")");
      server.start();
      Eventually.within(
          Duration.ofSeconds(60),
          () -> count(url, "SELECT count(*) FROM liberty.ejbtimer_part") > 0,
          () -> "Liberty wrote nothing in its own schema before the migration");
      s.execute("SELECT pg_advisory_unlock(" + AdvisoryLock.SCHEMA_MIGRATION.id() + ")");
      server.awaitReady();
      assertUpgraded(url, history);
      runBackup(server.http());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LecternServer ready(String name, String url) {
    return new LecternServer(name).with("DB_URL", url).start().awaitReady();
  }

  /** Every timer and job of before is still there, and only in Liberty's schema. */
  private static void assertUpgraded(String url, Map<String, List<String>> history) {
    assertThat(libertyTablesIn(url, "public")).isEmpty();
    Map<String, List<String>> now = rows(url, "liberty");
    history.forEach((table, keys) -> assertThat(now.get(table)).as(table).containsAll(keys));
  }

  /** Runs a backup, a batch job: Liberty's sequences give it ids no earlier job has. */
  private static void runBackup(Http http) {
    String token = http.login("admin", TestEnvironment.adminPassword());
    String job =
        JobStarts.accepted(http.postJson("/api/v1/admin/backups", "{}", token), http, token);
    Eventually.within(
        Duration.ofSeconds(60),
        () ->
            "completed"
                .equals(http.get("/api/v1/admin/jobs/" + job, token).json().getString("state")),
        () -> "backup not completed: " + http.get("/api/v1/admin/jobs/" + job, token));
  }

  /** A count, or -1 while the table does not exist. */
  private static long count(String url, String query) {
    try (Connection db = Sql.connect(url)) {
      return Sql.count(db, query);
    } catch (SQLException missing) {
      return -1;
    }
  }

  private static void migrate(String url) {
    Flyway.configure()
        .dataSource(url, "postgres", "")
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  /** A copy of a database, made while nobody is connected to it. */
  private static void copy(String from, String to) throws SQLException {
    String name = to.substring(to.lastIndexOf('/') + 1);
    String template = from.substring(from.lastIndexOf('/') + 1);
    String server = to.substring(0, to.lastIndexOf('/') + 1) + "postgres";
    Sql.execute(
        server, "DROP DATABASE " + name, "CREATE DATABASE " + name + " TEMPLATE " + template);
  }

  private static List<String> libertyTablesIn(String url, String schema) {
    List<String> tables = new ArrayList<>();
    try (Connection db = Sql.connect(url);
        Statement s = db.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT tablename FROM pg_tables WHERE schemaname = '"
                    + schema
                    + "' AND (tablename LIKE 'ejbtimer%' OR tablename LIKE 'wlpbatch%')"
                    + " ORDER BY 1")) {
      while (r.next()) {
        tables.add(r.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return tables;
  }

  /** The keys of the rows of Liberty's main tables in {@code schema}, in order. */
  private static Map<String, List<String>> rows(String url, String schema) {
    Map<String, List<String>> rows = new TreeMap<>();
    try (Connection db = Sql.connect(url);
        Statement s = db.createStatement()) {
      for (Map.Entry<String, String> table : KEYS.entrySet()) {
        List<String> keys = new ArrayList<>();
        try (ResultSet r =
            s.executeQuery(
                "SELECT "
                    + table.getValue()
                    + "::text FROM "
                    + schema
                    + "."
                    + table.getKey()
                    + " ORDER BY 1")) {
          while (r.next()) {
            keys.add(r.getString(1));
          }
        } catch (SQLException missing) {
          // Not made yet.
        }
        rows.put(table.getKey(), keys);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }
}
