package dev.lectern.testing;

import java.nio.file.Path;

/** A Redis of the test's own on a free port, which the test may stop and start. */
public final class PrivateRedis implements AutoCloseable {

  private final Path directory;
  private final int port;

  public PrivateRedis(String name) {
    this.directory =
        TestEnvironment.projectDir().resolve("target/it-services/redis-" + name).toAbsolutePath();
    this.port = ServicesScript.freePort();
    // A cluster left by an interrupted run is stopped and thrown away.
    ServicesScript.run("redis-stop", directory.toString());
    Directories.deleteRecursively(directory);
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public void start() {
    ServicesScript.run("redis-start", directory.toString(), Integer.toString(port));
  }

  public void stop() {
    ServicesScript.run("redis-stop", directory.toString());
  }

  @Override
  public void close() {
    stop();
  }
}
