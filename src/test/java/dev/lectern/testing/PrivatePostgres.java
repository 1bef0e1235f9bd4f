package dev.lectern.testing;

import java.nio.file.Path;

/**
 * A PostgreSQL cluster of the test's own under {@code target/}, on a free port, that the test may
 * stop and start: fault tests never touch the machine's shared PostgreSQL.
 */
public final class PrivatePostgres implements AutoCloseable {

  private final Path directory;
  private final int port;

  public PrivatePostgres(String name) {
    this.directory =
        TestEnvironment.projectDir().resolve("target/it-services/pg-" + name).toAbsolutePath();
    this.port = ServicesScript.freePort();
    // A cluster left by an interrupted run is stopped and thrown away.
    ServicesScript.run("pg-stop", directory.toString());
    Directories.deleteRecursively(directory);
  }

  public int port() {
    return port;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public void start() {
    ServicesScript.run("pg-start", directory.toString(), Integer.toString(port));
  }

  public void stop() {
    ServicesScript.run("pg-stop", directory.toString());
  }

  @Override
  public void close() {
    stop();
  }
}
