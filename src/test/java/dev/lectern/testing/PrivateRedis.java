package dev.lectern.testing;

import java.nio.file.Path;
import redis.clients.jedis.RedisClient;

/**
 * A Redis of the test's own on a free port, which the test may stop and start: a plain server, a
 * replica of another, or a sentinel.
 */
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

  public int port() {
    return port;
  }

  public void start() {
    ServicesScript.run("redis-start", directory.toString(), Integer.toString(port));
  }

  /** A client of this process of its own, for the test to look at what Lectern wrote. */
  public RedisClient client() {
    return RedisClient.create("127.0.0.1", port);
  }

  /** Starts this Redis as a replica of {@code master}. */
  public void startReplicaOf(PrivateRedis master) {
    ServicesScript.run(
        "redis-start",
        directory.toString(),
        Integer.toString(port),
        "--replicaof",
        "127.0.0.1",
        Integer.toString(master.port));
  }

  /** Starts this process as a sentinel watching {@code master} under {@code masterName}. */
  public void startSentinelOf(String masterName, PrivateRedis master) {
    ServicesScript.run(
        "sentinel-start",
        directory.toString(),
        Integer.toString(port),
        masterName,
        Integer.toString(master.port));
  }

  public void stop() {
    ServicesScript.run("redis-stop", directory.toString());
  }

  @Override
  public void close() {
    stop();
  }
}
