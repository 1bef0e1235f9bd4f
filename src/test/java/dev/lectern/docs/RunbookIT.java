package dev.lectern.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.Http;
import dev.lectern.testing.LecternServer;
import dev.lectern.testing.Sql;
import dev.lectern.testing.TestEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The runbook is a contract: every {@code bash} block of {@code docs/runbook.md} runs against the
 * server under test and its output must contain what the block expects. Destructive blocks run
 * against a throwaway server with a database of its own. Blocks that cannot run here are listed,
 * each with its reason, in {@code docs/runbook-allowlist.txt}.
 */
class RunbookIT {

  private static LecternServer throwaway;
  private static String throwawayDatabase;

  @AfterAll
  static void stopThrowaway() {
    if (throwaway != null) {
      throwaway.close();
    }
  }

  /** Started on the first destructive block. */
  private static LecternServer throwaway() throws Exception {
    if (throwaway == null) {
      throwawayDatabase = Sql.createDatabase("runbook");
      throwaway =
          new LecternServer("runbook")
              .with("DB_URL", throwawayDatabase)
              .with("BACKUP_DIR", throwawayBackups().toString())
              .with("LECTERN_DEMO_DATA", "true")
              .with("REDIS_KEY_PREFIX", TestEnvironment.redisKeyPrefix() + "runbook:")
              .start()
              .awaitReady();
    }
    return throwaway;
  }

  /** The throwaway server's own backup directory: another installation, another volume. */
  private static Path throwawayBackups() throws IOException {
    Path dir =
        TestEnvironment.projectDir()
            .resolve("target/test-backups/" + TestEnvironment.databasePrefix() + "_runbook");
    Files.createDirectories(dir);
    return dir;
  }

  private static final Path RUNBOOK = TestEnvironment.projectDir().resolve("docs/runbook.md");
  private static final Path ALLOWLIST =
      TestEnvironment.projectDir().resolve("docs/runbook-allowlist.txt");

  @Test
  void shouldAllowlistOnlyBlocksThatExist() throws IOException {
    List<String> firstLines = blocks().stream().map(RunbookBlocks.Block::firstLine).toList();
    assertThat(firstLines).containsAll(allowlist().keySet());
  }

  @TestFactory
  Stream<DynamicTest> everyRunbookBlockRunsAndPrintsWhatItPromises() throws IOException {
    Map<String, String> allowlist = allowlist();
    String adminToken = Http.lectern().adminToken();
    return blocks().stream()
        .map(
            block ->
                DynamicTest.dynamicTest(
                    block.toString(),
                    () -> {
                      Assumptions.assumeFalse(
                          allowlist.containsKey(block.firstLine()),
                          () -> "allowlisted: " + allowlist.get(block.firstLine()));
                      assertThat(block.expects()).as("expectations of " + block).isNotEmpty();
                      String output =
                          block.destructive()
                              // A fresh token: an earlier destructive block may have ended
                              // every session (lockdown).
                              ? run(
                                  block,
                                  throwaway().http().baseUrl(),
                                  throwaway().http().adminToken(),
                                  throwawayBackups().toString(),
                                  throwawayDatabase)
                              : run(
                                  block,
                                  TestEnvironment.baseUrl(),
                                  adminToken,
                                  System.getenv().getOrDefault("BACKUP_DIR", "backups"),
                                  TestEnvironment.databaseUrl());
                      for (String expected : block.expects()) {
                        assertThat(output).as(block.toString()).contains(expected);
                      }
                    }));
  }

  private static String run(
      RunbookBlocks.Block block,
      String url,
      String adminToken,
      String backupDir,
      String databaseUrl)
      throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-euo", "pipefail", "-c", block.script())
            .directory(TestEnvironment.projectDir().toFile())
            .redirectErrorStream(true);
    builder.environment().put("LECTERN_URL", url);
    builder.environment().put("ADMIN_TOKEN", adminToken);
    builder.environment().put("BACKUP_DIR", backupDir);
    builder.environment().put("PGHOST", TestEnvironment.pgHost());
    builder.environment().put("PGPORT", Integer.toString(TestEnvironment.pgPort()));
    builder.environment().put("PGUSER", TestEnvironment.databaseUser());
    builder.environment().put("PGDATABASE", databaseName(databaseUrl));
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + block);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(block + " exited; output:\n" + output).isZero();
    return output;
  }

  /** The database a JDBC URL names: {@code jdbc:postgresql://host:port/NAME?options}. */
  private static String databaseName(String jdbcUrl) {
    return java.net.URI.create(jdbcUrl.substring("jdbc:".length())).getPath().substring(1);
  }

  private static List<RunbookBlocks.Block> blocks() throws IOException {
    return RunbookBlocks.parse(Files.readString(RUNBOOK));
  }

  private static Map<String, String> allowlist() throws IOException {
    return RunbookBlocks.parseAllowlist(Files.readString(ALLOWLIST));
  }
}
