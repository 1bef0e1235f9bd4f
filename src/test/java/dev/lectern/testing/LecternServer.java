package dev.lectern.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Another Lectern server, a copy of the one the build deployed, started with its own ports and
 * environment: a second replica on the same database for cluster tests, or a server pointed at a
 * private PostgreSQL for fault tests.
 */
public final class LecternServer implements AutoCloseable {

  private final String name;
  private final Map<String, String> environment = new HashMap<>();
  private final int httpPort;
  private Process process;

  /** A server like the one under test (same database, Redis, secrets), on free ports. */
  public LecternServer(String name) {
    this.name = TestEnvironment.serverName() + "-" + name;
    this.httpPort = ServicesScript.freePort();
    environment.put("HTTP_PORT", Integer.toString(httpPort));
    environment.put("HTTPS_PORT", Integer.toString(ServicesScript.freePort()));
  }

  /** Overrides one environment variable of the server, e.g. {@code DB_URL}. */
  public LecternServer with(String variable, String value) {
    environment.put(variable, value);
    return this;
  }

  /** Removes a variable the server would otherwise inherit from the test run's environment. */
  public LecternServer without(String variable) {
    environment.put(variable, null);
    return this;
  }

  /** The HTTPS port, where Liberty's own management APIs ({@code /ibm/api}) answer. */
  public int httpsPort() {
    return Integer.parseInt(environment.get("HTTPS_PORT"));
  }

  public Http http() {
    return new Http("http://localhost:" + httpPort);
  }

  /**
   * Starts the server and waits until {@code /health/started} answers 200. A server that does not
   * start in time is stopped, not left running for the rest of the suite.
   */
  public LecternServer start() {
    return launch().awaitStarted();
  }

  /**
   * Waits until a launched server answers {@code /health/started}: launch several, then wait for
   * each, and they start side by side.
   */
  public LecternServer awaitStarted() {
    Http http = http();
    return stoppedUnless(
        () ->
            Eventually.within(
                Duration.ofSeconds(120),
                () -> process.isAlive() && http.get("/health/started").status() == 200,
                () -> "server " + name + " alive=" + process.isAlive()));
  }

  /** Starts the server process without waiting for anything, for servers expected to fail. */
  public LecternServer launch() {
    copyServer();
    ProcessBuilder builder =
        new ProcessBuilder(
                TestEnvironment.libertyDir().resolve("bin/server").toString(), "run", name)
            .redirectErrorStream(true)
            .redirectOutput(serverDir().resolve("console.log").toFile());
    environment.forEach(
        (variable, value) -> {
          if (value == null) {
            builder.environment().remove(variable);
          } else {
            builder.environment().put(variable, value);
          }
        });
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The server's log directory. */
  public Path logs() {
    return serverDir().resolve("logs");
  }

  /** The server's {@code messages.log} as written so far, empty before it exists. */
  public String messages() {
    Path log = serverDir().resolve("logs/messages.log");
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until {@code /health/ready} answers 200, as a load balancer would before sending traffic.
   */
  public LecternServer awaitReady() {
    Http http = http();
    return stoppedUnless(
        () ->
            Eventually.within(
                Duration.ofSeconds(60),
                () -> http.get("/health/ready").status() == 200,
                () -> http.get("/health/ready").toString()));
  }

  /** This server once the wait passes; stopped when it fails, so a failed test leaks no JVM. */
  private LecternServer stoppedUnless(Runnable wait) {
    try {
      wait.run();
      return this;
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
  }

  /** Whether the JVM with this process id is this server's. */
  public boolean runsProcess(long pid) {
    return process != null
        && (process.pid() == pid || process.descendants().anyMatch(p -> p.pid() == pid));
  }

  /** The command-line arguments of the server's JVM (those of jvm.options among them). */
  public List<String> jvmArguments() {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(process.toHandle()), process.toHandle().descendants())
        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .findFirst()
        .flatMap(p -> p.info().arguments())
        .map(List::of)
        .orElseThrow(() -> new IllegalStateException("no JVM found for server " + name));
  }

  /** Kills the server's JVM at once (SIGKILL), as a crash or an OOM killer would. */
  public void kill() {
    if (process == null) {
      return;
    }
    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process == null) {
      return;
    }
    try {
      // A graceful stop through Liberty's own command reaches the JVM whatever the launcher does.
      new ProcessBuilder(
              TestEnvironment.libertyDir().resolve("bin/server").toString(), "stop", name)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      // Fall through to destroying the process.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Path serverDir() {
    return TestEnvironment.libertyDir().resolve("usr/servers").resolve(name);
  }

  /** Copies configuration and application of the deployed server, never its logs or state. */
  private void copyServer() {
    Path source =
        TestEnvironment.libertyDir().resolve("usr/servers").resolve(TestEnvironment.serverName());
    Path target = serverDir();
    Directories.deleteRecursively(target);
    try {
      Files.walkFileTree(
          source,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              Path relative = source.relativize(dir);
              String first = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
              if (first.equals("logs") || first.equals("workarea")) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              Files.createDirectories(target.resolve(relative));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.copy(
                  file,
                  target.resolve(source.relativize(file)),
                  StandardCopyOption.REPLACE_EXISTING);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
