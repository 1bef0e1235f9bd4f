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

  /**
   * A streaming standby of this running cluster, known to it as {@code name} (which {@code
   * synchronous_standby_names} may list), started on a port of its own.
   */
  public PrivatePostgres startStandby(String name) {
    PrivatePostgres standby = new PrivatePostgres(name);
    ServicesScript.run(
        "pg-replica",
        standby.directory.toString(),
        Integer.toString(standby.port),
        Integer.toString(port),
        name);
    return standby;
  }

  /**
   * Serves this running cluster over TLS only (plain connections are refused), with a certificate
   * for {@code localhost} and {@code 127.0.0.1} from a throwaway CA, whose certificate it returns.
   */
  public Path serveOverTlsOnly() {
    Path certificates = directory.resolveSibling(directory.getFileName() + "-certificates");
    ServicesScript.run("tls-certs", certificates.toString());
    ServicesScript.run("pg-tls", directory.toString(), certificates.toString());
    return certificates.resolve("ca.crt");
  }

  /** Promotes this standby to a primary, as a failover does. */
  public void promote() {
    ServicesScript.run("pg-promote", directory.toString());
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
