package dev.lectern.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.Sql;
import dev.lectern.testing.TestEnvironment;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The control plane on a cluster of two replicas with a database of their own, so that restarting
 * both stops every replica there is. Maintenance windows are planned, announced, started and ended
 * on time exactly once, also across a restart of both; and while the restarted pair, now with Redis
 * stopped, waits for the window planned before the restart, flags and rate limits changed on one
 * replica are followed by the other within 2 s; last, a network denied on one replica is refused by
 * both on every path.
 */
class ControlPlaneIT {

  @Test
  void shouldFollowRuntimeSettingsAndRunWindowsOnceAcrossRestarts() throws Exception {
    String database = Sql.createDatabase("control");
    Instant windowStart;
    long window;
    Instant logLevelReverts;
    String levelBefore;
    LecternServer a = replica("control-a", database, null).launch();
    LecternServer b = replica("control-b", database, null).launch();
    try (a;
        b) {
      a.awaitStarted().awaitReady();
      b.awaitStarted().awaitReady();
      Http one = a.http();
      Http two = b.http();
      String admin = one.adminToken();
      MaintenanceWindowChecks.refusesInvalidPlans(one, admin);
      LogLevelChecks.refusesWhatItMustNot(one, admin);
      LogLevelChecks.raisedForAWhileOnBothReplicas(one, two, admin);
      levelBefore = LogLevelChecks.level(two, LogLevelChecks.ACROSS_RESTART, admin);
      MaintenanceWindowChecks.windowRunsOnTime(one, two, admin, database);
      logLevelReverts = LogLevelChecks.raisedAcrossARestart(one, admin);
      // Planned 120 s ahead; then every replica stops and starts again before it begins.
      windowStart = Instant.now().plusSeconds(120).truncatedTo(ChronoUnit.SECONDS);
      window = MaintenanceWindowChecks.planReadOnly(one, admin, windowStart);
    }
    String deadRedis = "redis://127.0.0.1:" + unusedPort();
    // The restart also rolls a new master key in: the old one is only accepted for reading.
    String newMasterKey = "rotated-" + UUID.randomUUID() + UUID.randomUUID();
    LecternServer c = replica("control-c", database, deadRedis, newMasterKey).launch();
    // d polls the feed every 30 s: whatever it follows within seconds came by notification.
    LecternServer d =
        replica("control-d", database, deadRedis, newMasterKey)
            .with("CHANGE_FEED_POLL_MILLIS", "30000")
            .launch();
    try (c;
        d) {
      c.awaitStarted().awaitReady();
      d.awaitStarted().awaitReady();
      Http three = c.http();
      Http four = d.http();
      String admin = three.adminToken();
      LogLevelChecks.stillRaisedAfterTheRestart(c, three, four, admin, logLevelReverts);
      RuntimeSettingsChecks.check(three, four, admin, database);
      System.out.printf(
          "settings checked %d s before the window%n",
          Duration.between(Instant.now(), windowStart).toSeconds());
      assertThat(Instant.now())
          .as("both replicas restarted and the settings checked before the window starts")
          .isBefore(windowStart);
      MaintenanceWindowChecks.windowAfterRestartRunsOnTime(
          three, four, admin, database, window, windowStart);
      ModeChecks.sharedAcrossReplicas(three, four, admin, database);
      MaintenanceWindowChecks.extendsAndCancels(three, four, admin);
      RuntimeSettingsChecks.rolloutAnswersAlikeOnBothReplicas(three, four, admin);
      AccessRuleChecks.deniedNetworkIsRefusedEverywhere(three, four, admin);
      SecretsChecks.masterKeyRotationCompletes(three, four, admin);
      LogLevelChecks.revertedOnTime(three, four, admin, logLevelReverts, levelBefore);
    }
  }

  /** A replica on the test's database, with its own Redis prefix and directories. */
  /** A replica with a new master key, the suite's one as the previous key. */
  private static LecternServer replica(
      String name, String database, String redisUrl, String masterKey) {
    return replica(name, database, redisUrl)
        .with("LECTERN_MASTER_KEY", masterKey)
        .with("LECTERN_MASTER_KEY_PREVIOUS", TestEnvironment.masterKey());
  }

  private static LecternServer replica(String name, String database, String redisUrl) {
    String dirs = TestEnvironment.projectDir().resolve("target/control-it").toString();
    LecternServer server =
        new LecternServer(name)
            .with("DB_URL", database)
            .with("REDIS_KEY_PREFIX", TestEnvironment.redisKeyPrefix() + "control:")
            .with("BACKUP_DIR", dirs + "/backups")
            .with("IMPORT_DIR", dirs + "/imports");
    return redisUrl == null ? server : server.with("REDIS_URL", redisUrl);
  }

  /** A port nothing listens on: Redis stopped, as the replicas see it. */
  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
